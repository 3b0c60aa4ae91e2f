package org.cmgseg.affinities.io.n5;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.cmgseg.affinities.io.ChunkedDataset;
import org.cmgseg.affinities.io.ChunkedReads;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.codec.BlockCodec;
import org.cmgseg.core.RunContext;

/** An N5 dataset: blocks in files named by their grid position; missing blocks read as zeros. */
public final class N5Dataset implements ChunkedDataset {

    private final Path folder;
    private final String where;
    private final DatasetInfo info;
    private final BlockCodec codec;
    private final ThreadLocal<byte[]> fileBuffer = ThreadLocal.withInitial(() -> new byte[0]);
    private final ThreadLocal<Object> blockElements = new ThreadLocal<>();

    N5Dataset(Path folder, String where, JsonObject attributes) throws IOException {
        this.folder = folder;
        this.where = where;
        try {
            long[] dimensions = longs(attributes, "dimensions");
            long[] block = longs(attributes, "blockSize");
            int[] blockSize = new int[block.length];
            for (int d = 0; d < block.length; d++) {
                blockSize[d] = Math.toIntExact(block[d]);
            }
            DataType type = DataType.of(attributes.get("dataType").getAsString());
            JsonObject compression = attributes.has("compression") ? attributes.getAsJsonObject("compression") : rawCompression();
            this.codec = N5Compression.codec(compression, where);
            this.info = new DatasetInfo(dimensions, blockSize, type, N5Compression.of(compression));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | ArithmeticException e) {
            throw new IOException(where + " has invalid N5 dataset attributes: " + e.getMessage());
        }
    }

    private static JsonObject rawCompression() {
        JsonObject raw = new JsonObject();
        raw.addProperty("type", "raw");
        return raw;
    }

    private long[] longs(JsonObject attributes, String key) {
        return attributes.getAsJsonArray(key).asList().stream().mapToLong(e -> e.getAsLong()).toArray();
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    Path blockFile(long[] position) {
        Path file = folder;
        for (long p : position) {
            file = file.resolve(Long.toString(p));
        }
        return file;
    }

    /** The block at a grid position as stored, or null if it was never written. */
    public N5Block readBlock(long[] position) throws IOException {
        Path file = blockFile(position);
        if (!Files.exists(file)) {
            return null;
        }
        return N5Block.decode(Files.readAllBytes(file), info.dataType(), codec, where + " block " + Arrays.toString(position));
    }

    /**
     * The block at a grid position read into this thread's buffers (file bytes and elements, reused from
     * block to block: a region's reader copies a block out before it reads another), or null if it was
     * never written.
     */
    private N5Block readBlockReusing(long[] position) throws IOException {
        Path file = blockFile(position);
        try (FileChannel channel = FileChannel.open(file)) {
            long length = channel.size();
            if (length > Integer.MAX_VALUE - 8) {
                throw new IOException(where + " block " + Arrays.toString(position) + " is too large (" + length + " bytes)");
            }
            byte[] bytes = fileBuffer.get();
            if (bytes.length < length) {
                bytes = new byte[(int) length];
                fileBuffer.set(bytes);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, (int) length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until the block is in
            }
            N5Block block = N5Block.decode(bytes, buffer.position(), info.dataType(), codec, where + " block " + Arrays.toString(position),
                    blockElements.get());
            blockElements.set(block.elements());
            return block;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public Object readInto(long[] offset, int[] size, RunContext context, Object target) throws IOException {
        return ChunkedReads.read(info, offset, size, where, context, target, position -> {
            N5Block block = readBlockReusing(position);
            if (block == null) {
                return null;
            }
            String what = where + " block " + Arrays.toString(position);
            if (block.mode() != N5Block.DEFAULT) {
                throw new IOException(what + " is a varlength block (mode 1): it has no dense meaning");
            }
            int[] expected = info.grid().size(position);
            for (int d = 0; d < expected.length; d++) {
                if (block.size()[d] < expected[d] || block.size()[d] > info.blockSize()[d]) {
                    throw new IOException(what + " has size " + Arrays.toString(block.size()) + ", expected " + Arrays.toString(expected)
                            + " (or the full block size)");
                }
            }
            return new ChunkedReads.Chunk(block.elements(), block.size());
        });
    }
}
