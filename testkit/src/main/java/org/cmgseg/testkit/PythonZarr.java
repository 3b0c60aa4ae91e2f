package org.cmgseg.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Python zarr 2 as an independent reader of our N5 and Zarr output (skipped when /usr/bin/python3 lacks zarr). */
public final class PythonZarr {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = """
            import sys, hashlib, zarr, numpy as np
            from zarr.n5 import N5FSStore
            for target in sys.argv[1:]:
                container, path = target.split(':', 1)
                store = N5FSStore(container) if container.endswith('.n5') else zarr.DirectoryStore(container)
                try:
                    a = zarr.open(store, mode='r')[path.lstrip('/')][...]
                    print(target + ' ' + hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes(order='C')).hexdigest())
                except Exception as e:
                    print(target + ' failed: ' + type(e).__name__ + ': ' + str(e).replace(chr(10), ' '))
            """;

    private static final String TREE = """
            import sys, zarr
            from zarr.n5 import N5FSStore
            container = sys.argv[1]
            def walk(group, prefix):
                for name, _ in group.arrays():
                    print('array ' + prefix + name)
                for name, sub in group.groups():
                    print('group ' + prefix + name)
                    walk(sub, prefix + name + '/')
            walk(zarr.open(N5FSStore(container) if container.endswith('.n5') else zarr.DirectoryStore(container), mode='r'), '/')
            """;

    private PythonZarr() {
    }

    /** What python zarr lists in a container, depth first: lines "group /a", "array /a/b". */
    public static List<String> tree(Path container) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PYTHON, "-c", TREE, container.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("python zarr cannot list " + container + ": " + output);
        }
        return output.lines().toList();
    }

    public static void requireAvailable() throws IOException, InterruptedException {
        boolean available = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import zarr, numpy").redirectErrorStream(true).start().waitFor() == 0;
        Required.require(available, PYTHON + " with zarr is not installed, so python cannot check our output");
    }

    /** The sha256 (C order, little-endian) python computes for each "container:path", or its error. */
    public static Map<String, String> hashes(List<String> targets) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", SCRIPT));
        command.addAll(targets);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Map<String, String> hashes = new TreeMap<>();
        for (String line : output.strip().split("\n")) {
            int space = line.lastIndexOf(' ');
            if (line.contains(" failed: ")) {
                hashes.put(line.substring(0, line.indexOf(" failed: ")), line.substring(line.indexOf(" failed: ") + 1));
            } else if (space > 0) {
                hashes.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return hashes;
    }
}
