package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The installation zip, unpacked: Fiji.app/plugins with the plugin jar, Fiji.app/jars with what Fiji does not ship. */
class FijiZipIT {

    /** Libraries that Fiji ships, left out of the zip (the start of their jar names). */
    private static final List<String> SHIPPED_BY_FIJI = List.of("ij-", "scijava-common-", "gson-", "error_prone_annotations-",
            "commons-compress-", "commons-lang3-", "commons-io-", "commons-codec-", "xz-", "imglib2-", "lz4-java-");

    /** The SciJava commands, which Fiji finds through the jar's annotation index. */
    private static final List<String> COMMANDS = List.of("OpenVolumeCommand", "SegmentAffinitiesCommand", "TransformAffinitiesCommand",
            "EvaluateSegmentationCommand", "GridSearchCommand", "SaveSegmentationCommand");

    @Test
    void unpacksIntoFijiAppWithThePluginAndTheJarsFijiLacks() throws IOException {
        Path zip = Path.of(System.getProperty("cmgseg.fijiZip"));
        Path plugin = Path.of(System.getProperty("cmgseg.pluginJar"));
        Path root = Path.of("target/fiji-zip").toAbsolutePath();
        unzip(zip, root);
        try (Stream<Path> top = Files.list(root)) {
            assertEquals(List.of("Fiji.app"), top.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(Set.of(plugin.getFileName().toString()), names(root.resolve("Fiji.app/plugins")));
        try (JarFile jar = new JarFile(root.resolve("Fiji.app/plugins").resolve(plugin.getFileName()).toFile())) {
            assertTrue(jar.getEntry("plugins.config") != null, "ImageJ finds the menu entries in plugins.config");
            assertSciJavaIndex(jar);
        }
        Set<String> expected = names(Path.of(System.getProperty("cmgseg.pluginLib"))).stream()
                .filter(name -> SHIPPED_BY_FIJI.stream().noneMatch(name::startsWith)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> jars = names(root.resolve("Fiji.app/jars"));
        assertEquals(expected, jars);
        for (String platform : new String[] {"linux-x86_64", "macosx-x86_64", "windows-x86_64"}) {
            assertTrue(jars.stream().anyMatch(name -> name.startsWith("hdf5-") && name.endsWith(platform + ".jar")), "HDF5 for " + platform);
            assertTrue(jars.stream().anyMatch(name -> name.startsWith("javacpp-") && name.endsWith(platform + ".jar")), platform);
        }
        assertTrue(jars.stream().anyMatch(name -> name.startsWith("cmgseg-segmentation-")), jars.toString());
    }

    /** Every SciJava command is in the index, as a headless command without a menu path (the menus are plugins.config's). */
    private static void assertSciJavaIndex(JarFile jar) throws IOException {
        ZipEntry entry = jar.getEntry("META-INF/json/org.scijava.plugin.Plugin");
        assertTrue(entry != null, "the annotation index SciJava reads");
        String index;
        try (InputStream in = jar.getInputStream(entry)) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String command : COMMANDS) {
            assertTrue(index.contains("{\"class\":\"org.cmgseg.fiji." + command + "\",\"values\":{\"headless\":true,"), command + " in " + index);
        }
        assertFalse(index.contains("menu"), "no second menu entry: " + index);
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void unzip(Path zip, Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(root), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
    }
}
