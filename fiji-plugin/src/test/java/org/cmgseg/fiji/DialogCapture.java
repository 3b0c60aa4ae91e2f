package org.cmgseg.fiji;

import ij.gui.GenericDialog;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.SystemColor;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Test-only, loaded by ImageJ itself (not in batch mode) from its plugins folder and called by a macro with
 * {@code call("org.cmgseg.fiji.DialogCapture.capture", title, png, milliseconds)}: waits for a window of that title to
 * show, saves a picture of it as it paints itself (without a title bar: xvfb runs no window manager), and
 * cancels it if it is a dialog, so that the command that opened it (started with {@code doCommand}) returns. What it
 * did goes to standard output, which a test reads.
 */
public final class DialogCapture {

    /** Time for a window that has just appeared to lay itself out. */
    private static final long SETTLE_MILLISECONDS = 800;

    private DialogCapture() {
    }

    public static String capture(String title, String png, String milliseconds) throws Exception {
        Window window = await(title, Long.parseLong(milliseconds));
        if (window == null) {
            return say("no window " + title + " within " + milliseconds + " ms");
        }
        Thread.sleep(SETTLE_MILLISECONDS);
        BufferedImage shot = new BufferedImage(window.getWidth(), window.getHeight(), BufferedImage.TYPE_INT_RGB);
        // painted into an image, not read off the screen, where windows lie one over another as ImageJ places them (xvfb
        // runs no window manager to raise one); the window's components one by one, as the window's own printAll would add
        // a title bar of its own making
        EventQueue.invokeAndWait(() -> {
            Graphics2D graphics = shot.createGraphics();
            graphics.setColor(window.getBackground() != null ? window.getBackground() : SystemColor.control);
            graphics.fillRect(0, 0, shot.getWidth(), shot.getHeight());
            graphics.setColor(window.getForeground() != null ? window.getForeground() : SystemColor.controlText);
            window.paint(graphics);
            for (Component part : window.getComponents()) {
                Graphics area = graphics.create(part.getX(), part.getY(), part.getWidth(), part.getHeight());
                part.printAll(area);
                area.dispose();
            }
            graphics.dispose();
        });
        Path file = Path.of(png);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(shot, "png", file.toFile());
        if (window instanceof GenericDialog dialog) {
            cancel(dialog);
        }
        return say("captured " + title + " " + shot.getWidth() + "x" + shot.getHeight() + " -> " + png);
    }

    /** A line on standard output (in a macro not run in batch mode, {@code print} goes to the Log window only). */
    public static String say(String line) {
        System.out.println(line);
        System.out.flush();
        return line;
    }

    private static Window await(String title, long milliseconds) throws InterruptedException {
        long deadline = System.nanoTime() + milliseconds * 1_000_000;
        while (System.nanoTime() < deadline) {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getWidth() > 0 && title.equals(titleOf(window))) {
                    return window;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static String titleOf(Window window) {
        return window instanceof Dialog dialog ? dialog.getTitle() : window instanceof Frame frame ? frame.getTitle() : null;
    }

    /** As a click on Cancel: the dialog closes and reports itself cancelled. */
    private static void cancel(GenericDialog dialog) throws InterruptedException, InvocationTargetException {
        EventQueue.invokeAndWait(() -> dialog.actionPerformed(new ActionEvent(dialog.getButtons()[1], ActionEvent.ACTION_PERFORMED,
                "Cancel")));
    }
}
