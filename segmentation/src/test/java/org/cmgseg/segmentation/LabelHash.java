package org.cmgseg.segmentation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.cmgseg.segmentation.fragments.Fragments;

/**
 * The fixtures' hashes of a label volume, without building it: SHA-256 of uint64 little-endian in C
 * order, and the partition hash, the same after renumbering labels 1, 2, ... in order of first occurrence.
 */
public final class LabelHash {

    private static final int CHUNK = 1 << 13;

    private LabelHash() {
    }

    /** The hash of the volume whose voxel v holds {@code labelOfIndex[fragments.ids()[v]]}. */
    public static String of(Fragments fragments, long[] labelOfIndex) {
        MessageDigest digest = sha256();
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        LongBuffer longs = bytes.asLongBuffer();
        long[] chunk = new long[CHUNK];
        int[] ids = fragments.ids();
        for (int start = 0; start < ids.length; start += CHUNK) {
            int n = Math.min(CHUNK, ids.length - start);
            for (int i = 0; i < n; i++) {
                chunk[i] = labelOfIndex[ids[start + i]];
            }
            longs.clear();
            longs.put(chunk, 0, n);
            digest.update(bytes.array(), 0, n * Long.BYTES);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The partition hash of the volume whose voxel v holds {@code labelOfIndex[fragments.ids()[v]]}. */
    public static String partition(Fragments fragments, long[] labelOfIndex) {
        long[] renumbered = new long[labelOfIndex.length];
        Map<Long, Long> numbers = new HashMap<>();
        for (int id : fragments.ids()) {
            if (renumbered[id] == 0) {
                renumbered[id] = numbers.computeIfAbsent(labelOfIndex[id], label -> numbers.size() + 1L);
            }
        }
        return of(fragments, renumbered);
    }

    public static String of(long[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(labels.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(labels);
        return HexFormat.of().formatHex(sha256().digest(buffer.array()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
