package org.cmgseg.fiji;

import ij.IJ;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only, loaded by ImageJ itself from its plugins folder and called by a macro with
 * {@code call("org.cmgseg.fiji.EscapeLater.whenLines", file, lines)}: from a thread of its own, presses Esc (ImageJ's
 * flag, as the key sets it) once the file has that many lines, so that a command can be stopped at a given point of
 * its work.
 */
public final class EscapeLater {

    private EscapeLater() {
    }

    public static String whenLines(String file, String lines) {
        Path path = Path.of(file);
        int wanted = Integer.parseInt(lines);
        Thread watcher = new Thread(() -> {
            try {
                while (!Files.exists(path) || Files.readAllLines(path).size() < wanted) {
                    Thread.sleep(20);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                return;
            }
            IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        }, "press Esc later");
        watcher.setDaemon(true);
        watcher.start();
        return "watching " + file;
    }
}
