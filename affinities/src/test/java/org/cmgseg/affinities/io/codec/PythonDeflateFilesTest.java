package org.cmgseg.affinities.io.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.Required;
import org.cmgseg.testkit.Sha256;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zarr and N5 arrays that python zarr writes with numcodecs' GZip and Zlib (in N5: gzip, and gzip with useZlib), edge
 * chunks included, read as python reads them (its hashes are the truth); the build runs this on libdeflate and again
 * on the JDK's Inflater.
 */
class PythonDeflateFilesTest {

    private static final String PYTHON = "/usr/bin/python3";

    /** Writes each array to the container named by its first part and prints "container:path hash". */
    private static final String SCRIPT = """
            import sys, hashlib, zarr, numcodecs, numpy as np
            from zarr.n5 import N5FSStore
            z, y, x = np.meshgrid(np.arange(9), np.arange(31), np.arange(30), indexing='ij')
            smooth = np.sin(x / 5.0) * np.cos(y / 7.0) + z / 9.0
            noisy = np.random.default_rng(3).integers(0, 2**40, smooth.shape)
            arrays = {'gzip_f32': (smooth.astype('f4'), numcodecs.GZip(level=1)),
                      'zlib_u16': ((smooth * 1000).astype('u2'), numcodecs.Zlib(level=9)),
                      'gzip_i64': (noisy, numcodecs.GZip(level=6))}
            for container in sys.argv[1:]:
                store = N5FSStore(container) if container.endswith('.n5') else zarr.DirectoryStore(container)
                group = zarr.group(store)
                for name, (data, codec) in arrays.items():
                    group.create_dataset(name, data=data, chunks=(4, 16, 16), compressor=codec)
                    a = group[name][...]
                    print(container + ':/' + name, hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest())
            """;

    @ParameterizedTest
    @ValueSource(strings = {"p.zarr", "p.n5"})
    void readsWhatPythonZarrWrites(String name, @TempDir Path dir) throws IOException, InterruptedException {
        boolean python = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import zarr, numcodecs").redirectErrorStream(true).start().waitFor() == 0;
        Required.require(python, PYTHON + " with zarr is not installed, so python cannot write the gzip and zlib arrays");
        Path path = dir.resolve(name);
        Process process = new ProcessBuilder(PYTHON, "-c", SCRIPT, path.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        Map<String, String> hashes = new HashMap<>();
        for (String line : output.strip().split("\n")) {
            hashes.put(line.substring(line.indexOf(":/") + 1, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
        }
        assertEquals(3, hashes.size(), output);
        try (Container container = Containers.open(path, Format.ofPath(path.toString()))) {
            for (Map.Entry<String, String> e : hashes.entrySet()) {
                for (int threads : new int[] {1, 3}) {
                    assertEquals(e.getValue(), Sha256.of(container.open(e.getKey()).readAll(RunContext.of(threads, Progress.NONE))),
                            name + ":" + e.getKey() + " on " + threads + " threads with " + Deflate.inflater());
                }
            }
        }
    }
}
