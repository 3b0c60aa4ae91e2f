package org.cmgseg.segmentation.gridsearch;

import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies volumes in memory in a run folder, in place of the addresses a run of datasets records: the
 * SHA-256 of the affinities' float32 values and of the (border-masked) ground-truth labels, each in memory order,
 * little-endian. A name (an image title) would not do: the same name can hold other values, and the same
 * values can come back under another name.
 */
final class InMemoryInputs {

    /** Elements hashed per step: a buffer of 1 or 2 MB whatever the volume's size. */
    private static final int CHUNK = 1 << 18;

    private InMemoryInputs() {
    }

    static JsonObject toJson(GridVolumes volumes, GridFragments fragments) {
        JsonObject json = new JsonObject();
        json.addProperty("affinities", "in memory: float32 " + volumes.affinities().grid() + " x 3 channels, SHA-256 "
                + sha256(volumes.affinities().values()));
        json.addProperty("ground_truth", "in memory: uint64 labels, SHA-256 " + sha256(volumes.groundTruth().labels()));
        json.addProperty("fragments", GridFragments.describe(fragments.method()));
        json.addProperty("fragments_per_curve", fragments.perCurve());
        return json;
    }

    static String sha256(float[] values) {
        return sha256(values.length, Float.BYTES, (buffer, from, length) -> buffer.asFloatBuffer().put(values, from, length));
    }

    static String sha256(long[] values) {
        return sha256(values.length, Long.BYTES, (buffer, from, length) -> buffer.asLongBuffer().put(values, from, length));
    }

    /** Puts {@code length} elements from {@code from} at the start of the buffer. */
    private interface Chunk {
        void put(ByteBuffer buffer, int from, int length);
    }

    private static String sha256(int elements, int bytes, Chunk chunk) {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < elements; from += CHUNK) {
            int length = Math.min(CHUNK, elements - from);
            chunk.put(buffer, from, length);
            digest.update(buffer.array(), 0, length * bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
