package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.cmgseg.testkit.StandardOutput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of README.md, read from the README itself, is compiled and run: as the body of a
 * method whose parameter {@code folder} is a {@link Path} (an empty folder), with every package of the
 * library imported (and java.io, java.nio.file, java.util). A block followed by a paragraph ending in
 * "prints:" and a fenced block must print exactly that block.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("../README.md");
    /** The modules whose packages a README snippet sees, as a reader's IDE would import them. */
    private static final List<String> LIBRARY = List.of("core", "cmg", "affinities", "data", "segmentation");
    private static final String FENCE = "```";

    /** A Java block: where it starts in the README (line number of its first line), its text, and what it must print (null: not said). */
    record Snippet(int line, String code, String printed) {
    }

    static List<Snippet> snippets(List<String> readme) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).equals(FENCE + "java")) {
                continue;
            }
            int end = closingFence(readme, i + 1);
            String code = String.join("\n", readme.subList(i + 1, end)) + "\n";
            int next = end + 1;
            while (next < readme.size() && readme.get(next).isBlank()) {
                next++;
            }
            String printed = null;
            if (next < readme.size() && readme.get(next).endsWith("prints:")) {
                int open = next + 1;
                while (readme.get(open).isBlank()) {
                    open++;
                }
                assertEquals(FENCE, readme.get(open), "README line " + (open + 1) + ": what the snippet prints comes in a plain fenced block");
                int close = closingFence(readme, open + 1);
                printed = String.join("\n", readme.subList(open + 1, close)) + "\n";
            }
            snippets.add(new Snippet(i + 2, code, printed));
            i = end;
        }
        return snippets;
    }

    private static int closingFence(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(FENCE)) {
                return i;
            }
        }
        throw new AssertionError("README line " + from + ": a fenced block is not closed");
    }

    /** The imports of the snippets: every package of the library's main sources. */
    private static String imports() throws IOException {
        StringBuilder imports = new StringBuilder("import java.io.*;\nimport java.nio.file.*;\nimport java.util.*;\n");
        for (String module : LIBRARY) {
            Path sources = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (String pkg : files.filter(p -> p.toString().endsWith(".java")).map(p -> sources.relativize(p.getParent()).toString()
                        .replace('/', '.')).collect(Collectors.toCollection(java.util.TreeSet::new))) {
                    imports.append("import ").append(pkg).append(".*;\n");
                }
            }
        }
        return imports.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompilesRunsAndPrintsWhatTheReadmeSays(@TempDir Path work) throws IOException {
        List<Snippet> snippets = snippets(Files.readAllLines(README));
        assertFalse(snippets.isEmpty(), "README.md has Java snippets");
        String imports = imports();
        return snippets.stream().map(s -> DynamicTest.dynamicTest("README line " + s.line(), () -> run(s, imports, work)));
    }

    private static void run(Snippet snippet, String imports, Path work) throws Throwable {
        String name = "ReadmeSnippet" + snippet.line();
        String header = imports + "public final class " + name + " {\n    public static void run(Path folder) throws Exception {\n";
        Path source = Files.createDirectories(work.resolve("src")).resolve(name + ".java");
        Files.writeString(source, header + snippet.code() + "    }\n}\n");
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of("-d", classes.toString(), "-proc:none", "-classpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        int toReadme = snippet.line() - 1 - (int) header.lines().count();
        assertTrue(compiled, "the snippet at README line " + snippet.line() + " does not compile (line N below is README line N + "
                + toReadme + "):\n" + diagnostics);
        Path folder = Files.createDirectories(work.resolve("folder-" + snippet.line()));
        String printed;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader())) {
            var method = loader.loadClass(name).getMethod("run", Path.class);
            printed = StandardOutput.during(() -> method.invoke(null, folder));
        }
        if (snippet.printed() != null) {
            assertEquals(snippet.printed(), printed, "what the snippet at README line " + snippet.line() + " prints");
        }
    }

    @Test
    void snippetsAndWhatTheyPrintAreFoundAsDocumented() {
        List<String> readme = List.of("text", FENCE + "java", "int a = 1;", FENCE, "", "It prints:", "", FENCE, "1", FENCE,
                FENCE + "java", "int b;", FENCE, "Then:", FENCE, "x", FENCE);
        assertEquals(List.of(new Snippet(3, "int a = 1;\n", "1\n"), new Snippet(12, "int b;\n", null)), snippets(readme));
    }
}
