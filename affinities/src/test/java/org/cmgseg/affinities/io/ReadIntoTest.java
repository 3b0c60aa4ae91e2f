package org.cmgseg.affinities.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.testkit.Sha256;
import org.cmgseg.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading into a reused buffer gives what a fresh read gives, whatever the buffer held: never-written
 * chunks (N5's missing blocks, HDF5's unallocated chunks) are zeros or the fill value, not leftovers.
 */
class ReadIntoTest {

    @ParameterizedTest
    @ValueSource(strings = {"io/java-n5/reference.n5", "io/hdf5/reference.h5", "io/hdf5/reference_libver_latest.h5"})
    void aDirtyBufferReadsAsTheManifestSays(String container) throws IOException {
        boolean n5 = container.endsWith(".n5");
        JsonObject manifest = Fixtures.manifest(n5 ? "io/java-n5/manifest.json" : "io/hdf5/manifest.json");
        Path path = SharedData.require(container);
        int checked = 0;
        try (Container open = Containers.open(path, n5 ? Format.N5 : Format.HDF5)) {
            for (JsonElement e : manifest.getAsJsonArray("datasets")) {
                JsonObject entry = e.getAsJsonObject();
                String name = "/" + entry.get("path").getAsString();
                if (!entry.has("sha256_c_order_little_endian") || entry.get("sha256_c_order_little_endian").isJsonNull()) {
                    continue;
                }
                Dataset dataset = open.open(name);
                DatasetInfo info = dataset.info();
                int n = Math.toIntExact(info.elements());
                Object dirty = dirty(info.dataType(), n + 5);
                int[] size = Arrays.stream(info.dimensions()).mapToInt(d -> (int) d).toArray();
                Object read = dataset.readInto(new long[size.length], size, RunContext.of(2, Progress.NONE), dirty);
                assertSame(dirty, read, name);
                Object whole = info.dataType().allocate(n);
                System.arraycopy(read, 0, whole, 0, n);
                assertEquals(entry.get("sha256_c_order_little_endian").getAsString(), Sha256.of(whole), name);
                checked++;
            }
        }
        assertEquals(n5 ? 15 : 8, checked, "datasets with an array hash");
    }

    /** An array whose every byte is 0x5a. */
    private static Object dirty(DataType type, int n) {
        byte[] bytes = new byte[n * type.bytes()];
        Arrays.fill(bytes, (byte) 0x5a);
        return ByteCodec.toArray(type, bytes, 0, n, java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
