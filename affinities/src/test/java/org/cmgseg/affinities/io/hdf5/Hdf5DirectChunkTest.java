package org.cmgseg.affinities.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.Required;
import org.cmgseg.testkit.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Direct chunk reads against h5py: files written by h5py with LZF (which the native library cannot
 * decode), shuffle, gzip, big-endian elements, unwritten chunks and chunks whose optional filter was
 * skipped; h5py's hashes of the whole arrays and of a region across chunk borders are the truth.
 */
class Hdf5DirectChunkTest {

    private static final String PYTHON = "/usr/bin/python3";

    /** Writes the datasets and prints "name whole-hash region-hash" for each; the region is [1:, 2:7, 3:20, 5:] (numpy). */
    private static final String SCRIPT = """
            import sys, hashlib, h5py, numpy as np
            rng = np.random.default_rng(7)
            def h(a):
                return hashlib.sha256(np.ascontiguousarray(a).astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest()
            z, y, x = np.meshgrid(np.arange(9), np.arange(31), np.arange(30), indexing='ij')
            smooth = np.stack([np.sin(x / 5.0) * np.cos(y / 7.0) + z / 9.0 + c for c in range(3)]).astype('f4')
            with h5py.File(sys.argv[1], 'w') as f:
                f.create_dataset('lzf_f32', data=smooth, chunks=(3, 4, 16, 16), compression='lzf')
                f.create_dataset('shuffle_lzf_u16', data=(smooth * 1000).astype('u2'), chunks=(1, 4, 8, 16), compression='lzf', shuffle=True)
                f.create_dataset('lzf_incompressible_u8', data=rng.integers(0, 256, smooth.shape, dtype='u1'), chunks=(2, 5, 16, 16),
                                 compression='lzf')
                d = f.create_dataset('lzf_fill_f32', shape=smooth.shape, dtype='f4', chunks=(3, 4, 16, 16), compression='lzf', fillvalue=-2.5)
                d[:, 0:3, 0:10, 0:12] = smooth[:, 0:3, 0:10, 0:12]
                f.create_dataset('shuffle_gzip_f64_be', data=smooth.astype('>f8'), chunks=(2, 3, 10, 11), compression='gzip',
                                 compression_opts=6, shuffle=True)
                f.create_dataset('gzip_i64', data=rng.integers(-2**62, 2**62, smooth.shape), chunks=(3, 9, 31, 30), compression='gzip')
                for name in f:
                    a = f[name][...]
                    print(name, h(a), h(a[1:, 2:7, 3:20, 5:]))
            """;

    private static Path file;
    private static final Map<String, String[]> HASHES = new HashMap<>();

    @BeforeAll
    static void write(@TempDir Path dir) throws IOException, InterruptedException {
        boolean python = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start().waitFor() == 0;
        Required.require(python, PYTHON + " with h5py is not installed, so h5py cannot write the LZF files");
        file = dir.resolve("filters.h5");
        Process process = new ProcessBuilder(PYTHON, "-c", SCRIPT, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        for (String line : output.strip().split("\n")) {
            String[] parts = line.split(" ");
            HASHES.put(parts[0], new String[] {parts[1], parts[2]});
        }
        assertEquals(6, HASHES.size(), output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lzf_f32", "shuffle_lzf_u16", "lzf_incompressible_u8", "lzf_fill_f32", "shuffle_gzip_f64_be", "gzip_i64"})
    void readsAsH5pyOnAnyThreadCount(String name) throws IOException {
        try (Hdf5Container container = Hdf5Container.open(file)) {
            Dataset dataset = container.open("/" + name);
            for (int threads : new int[] {1, 3}) {
                assertEquals(HASHES.get(name)[0], Sha256.of(dataset.readAll(RunContext.of(threads, Progress.NONE))), name + " on " + threads + " threads");
                Object region = dataset.read(new long[] {5, 3, 2, 1}, new int[] {25, 17, 5, 2}, RunContext.of(threads, Progress.NONE));
                assertEquals(HASHES.get(name)[1], Sha256.of(region), name + " region on " + threads + " threads");
            }
        }
    }

    @Test
    void storageNamesTheFiltersAsH5pyDoes() throws IOException {
        try (Hdf5Container container = Hdf5Container.open(file)) {
            assertEquals("lzf", container.open("/lzf_f32").storage());
            assertEquals("shuffle+lzf", container.open("/shuffle_lzf_u16").storage());
            assertEquals("shuffle+gzip:6", container.open("/shuffle_gzip_f64_be").storage());
            assertTrue(container.open("/gzip_i64").info().compression().toString().startsWith("gzip"));
        }
    }
}
