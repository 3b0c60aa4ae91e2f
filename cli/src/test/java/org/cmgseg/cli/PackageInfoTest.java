package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of every module's main sources says what it holds, in a package-info.java. */
class PackageInfoTest {

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<Path> packages;
        try (Stream<Path> all = Files.walk(Path.of(".."))) {
            packages = all.filter(p -> p.toString().contains("/src/main/java/") && p.getFileName().toString().endsWith(".java"))
                    .map(Path::getParent).distinct().sorted().toList();
        }
        assertFalse(packages.isEmpty(), "the modules' sources are beside this one");
        List<Path> without = packages.stream().filter(p -> !Files.isRegularFile(p.resolve("package-info.java"))).toList();
        assertEquals(List.of(), without, "packages without a package-info.java");
    }
}
