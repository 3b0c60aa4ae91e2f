package org.cmgseg.affinities.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.cmgseg.testkit.Required;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk index that claims a chunk of about 4 GB (h5py's file with the size in its B-tree key
 * overwritten): the read fails with one line naming the file, the dataset, the chunk and the size,
 * and allocates nothing of that size (which, with a smaller heap, was an out-of-memory error).
 */
class Hdf5CorruptChunkIndexTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final long CLAIMED = 4_294_967_200L;

    /** Writes one gzip chunk with h5py, then replaces its stored size in the B-tree key (size, filter mask 0, offsets 0). */
    private static final String SCRIPT = """
            import sys, struct, h5py, numpy as np
            path, claimed = sys.argv[1], int(sys.argv[2])
            with h5py.File(path, 'w') as f:
                f.create_dataset('d', data=np.arange(256, dtype='f4').reshape(4, 8, 8), chunks=(4, 8, 8), compression='gzip')
                size = f['d'].id.get_chunk_info(0).size
            data = bytearray(open(path, 'rb').read())
            key = struct.pack('<II', size, 0) + bytes(32)
            at = data.find(key)
            assert at >= 0 and data.find(key, at + 1) < 0
            data[at:at + 4] = struct.pack('<I', claimed)
            open(path, 'wb').write(data)
            with h5py.File(path, 'r') as f:
                assert f['d'].id.get_chunk_info(0).size == claimed
            """;

    @Test
    void aHugeStoredSizeIsReportedNotAllocated(@TempDir Path dir) throws IOException, InterruptedException {
        boolean python = Files.isExecutable(Path.of(PYTHON))
                && new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start().waitFor() == 0;
        Required.require(python, PYTHON + " with h5py is not installed, so h5py cannot write the corrupt file");
        Path file = dir.resolve("corrupt.h5");
        Process process = new ProcessBuilder(PYTHON, "-c", SCRIPT, file.toString(), Long.toString(CLAIMED))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);

        try (Hdf5Container container = Hdf5Container.open(file)) {
            IOException e = assertThrows(IOException.class, () -> container.open("/d").readAll());
            String message = e.getMessage();
            assertTrue(message.startsWith(file + ":/d chunk at [0, 0, 0]: ") && message.contains(CLAIMED + " stored bytes")
                    && message.contains("corrupt") && !message.contains("\n"), message);
            assertTrue(Pointer.totalBytes() < CLAIMED / 4, Pointer.totalBytes() + " bytes of native memory held after the read");
        }
    }
}
