package org.cmgseg.affinities.io.zarr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteOrder;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.codec.BlockCodec;
import org.cmgseg.affinities.io.codec.BloscCodec;
import org.cmgseg.affinities.io.codec.Codecs;
import org.cmgseg.affinities.io.codec.Lz4FrameCodec;
import org.cmgseg.affinities.io.codec.RawCodec;
import org.cmgseg.affinities.io.codec.ZstdCodec;

/**
 * The .zarray of a Zarr v2 array: shape and chunks (numpy order), dtype with its byte order, C or F
 * order within chunks, fill value, compressor and the chunk key separator.
 */
record ZarrMetadata(DatasetInfo info, ByteOrder byteOrder, boolean fortran, Number fillValue, String separator, BlockCodec codec) {

    static ZarrMetadata parse(JsonObject json, String where) throws IOException {
        try {
            if (json.has("zarr_format") && json.get("zarr_format").getAsInt() != 2) {
                throw new IOException(where + " is Zarr format " + json.get("zarr_format") + "; supported: 2");
            }
            long[] shape = json.getAsJsonArray("shape").asList().stream().mapToLong(JsonElement::getAsLong).toArray();
            int[] chunks = json.getAsJsonArray("chunks").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
            String dtype = json.get("dtype").getAsString();
            DataType type = dataType(dtype, where);
            ByteOrder order = dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            String layout = json.has("order") ? json.get("order").getAsString() : "C";
            if (!layout.equals("C") && !layout.equals("F")) {
                throw new IOException(where + " has order '" + layout + "'; supported: C, F");
            }
            if (json.has("filters") && !json.get("filters").isJsonNull() && !json.getAsJsonArray("filters").isEmpty()) {
                throw new IOException(where + " uses Zarr filters " + json.get("filters") + "; filters are not supported");
            }
            String separator = json.has("dimension_separator") && !json.get("dimension_separator").isJsonNull()
                    ? json.get("dimension_separator").getAsString() : ".";
            JsonElement compressor = json.has("compressor") ? json.get("compressor") : JsonNull.INSTANCE;
            BlockCodec codec = codec(compressor, type, where);
            DatasetInfo info = DatasetInfo.ofShape(shape, chunks, type, compression(compressor));
            return new ZarrMetadata(info, order, layout.equals("F"), fillValue(json.get("fill_value"), type), separator, codec);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IOException(where + " has invalid Zarr metadata: " + e.getMessage());
        }
    }

    private static DataType dataType(String dtype, String where) throws IOException {
        if (dtype.length() < 3 || "<>|".indexOf(dtype.charAt(0)) < 0) {
            throw new IOException(where + " has unsupported dtype '" + dtype + "'");
        }
        String kind = dtype.substring(1);
        return switch (kind) {
            case "u1" -> DataType.UINT8;
            case "i1" -> DataType.INT8;
            case "u2" -> DataType.UINT16;
            case "i2" -> DataType.INT16;
            case "u4" -> DataType.UINT32;
            case "i4" -> DataType.INT32;
            case "u8" -> DataType.UINT64;
            case "i8" -> DataType.INT64;
            case "f4" -> DataType.FLOAT32;
            case "f8" -> DataType.FLOAT64;
            default -> throw new IOException(where + " has unsupported dtype '" + dtype + "'; supported: integers of 1, 2, 4, 8 "
                    + "bytes and floats of 4 and 8 bytes, either byte order");
        };
    }

    /** The fill value: a Double for floats, an exact Long (uint64 wrapped into its bits) for integers. */
    private static Number fillValue(JsonElement value, DataType type) {
        if (value == null || value.isJsonNull()) {
            return type.floating() ? (Number) 0.0 : (Number) 0L;
        }
        if (value.getAsJsonPrimitive().isString()) {
            return switch (value.getAsString()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("fill_value " + value);
            };
        }
        return type.floating() ? (Number) value.getAsDouble() : (Number) value.getAsBigDecimal().toBigInteger().longValue();
    }

    /** A chunk of n elements holding the fill value. */
    Object filledChunk(int n) {
        DataType type = info.dataType();
        Object chunk = type.allocate(n);
        long bits = fillValue.longValue();
        double real = fillValue.doubleValue();
        if (bits == 0 && Double.doubleToRawLongBits(real) == 0) {
            return chunk;
        }
        switch (type) {
            case UINT8, INT8 -> java.util.Arrays.fill((byte[]) chunk, (byte) bits);
            case UINT16, INT16 -> java.util.Arrays.fill((short[]) chunk, (short) bits);
            case UINT32, INT32 -> java.util.Arrays.fill((int[]) chunk, (int) bits);
            case UINT64, INT64 -> java.util.Arrays.fill((long[]) chunk, bits);
            case FLOAT32 -> java.util.Arrays.fill((float[]) chunk, (float) real);
            case FLOAT64 -> java.util.Arrays.fill((double[]) chunk, real);
        }
        return chunk;
    }

    private static BlockCodec codec(JsonElement compressor, DataType type, String where) throws IOException {
        if (compressor.isJsonNull()) {
            return new RawCodec();
        }
        JsonObject c = compressor.getAsJsonObject();
        String id = c.get("id").getAsString();
        return switch (id) {
            case "gzip" -> Codecs.deflate(intOr(c, "level", 1), false);
            case "zlib" -> Codecs.deflate(intOr(c, "level", 1), true);
            case "bz2" -> Codecs.bzip2(intOr(c, "level", 1));
            case "lzma" -> Codecs.xz(intOr(c, "preset", 6));
            case "zstd" -> new ZstdCodec(intOr(c, "level", 1));
            case "lz4" -> new Lz4FrameCodec();
            case "blosc" -> new BloscCodec(c.get("cname").getAsString(), intOr(c, "clevel", 5), intOr(c, "shuffle", 1), type.bytes(),
                    intOr(c, "blocksize", 0));
            default -> throw new IOException("unsupported Zarr compressor '" + id + "' in " + where
                    + "; supported: gzip, zlib, bz2, lzma, zstd, lz4, blosc");
        };
    }

    private static Compression compression(JsonElement compressor) {
        if (compressor.isJsonNull()) {
            return Compression.RAW;
        }
        JsonObject c = compressor.getAsJsonObject();
        return switch (c.get("id").getAsString()) {
            case "gzip" -> new Compression("gzip", intOr(c, "level", 1), null, 0);
            case "zlib" -> new Compression("zlib", intOr(c, "level", 1), null, 0);
            case "bz2" -> new Compression("bzip2", intOr(c, "level", 1), null, 0);
            case "lzma" -> new Compression("xz", intOr(c, "preset", 6), null, 0);
            case "zstd" -> new Compression("zstd", intOr(c, "level", 1), null, 0);
            case "lz4" -> new Compression("lz4", -1, null, 0);
            default -> new Compression("blosc", intOr(c, "clevel", 5), c.get("cname").getAsString(), intOr(c, "shuffle", 1));
        };
    }

    /** The .zarray of a new C-order, little-endian array with fill value 0. */
    static JsonObject json(DatasetInfo info, String separator) {
        JsonObject json = new JsonObject();
        json.add("chunks", array(info.chunks()));
        json.add("compressor", compressorJson(info.compression()));
        DataType type = info.dataType();
        json.addProperty("dtype", (type.bytes() == 1 ? "|" : "<") + (type.floating() ? "f" : type.signed() ? "i" : "u") + type.bytes());
        json.addProperty("fill_value", 0);
        json.add("filters", JsonNull.INSTANCE);
        json.addProperty("order", "C");
        JsonArray shape = new JsonArray();
        for (long s : info.shape()) {
            shape.add(s);
        }
        json.add("shape", shape);
        json.addProperty("zarr_format", 2);
        json.addProperty("dimension_separator", separator);
        return json;
    }

    private static JsonArray array(int[] values) {
        JsonArray array = new JsonArray();
        for (int v : values) {
            array.add(v);
        }
        return array;
    }

    private static JsonElement compressorJson(Compression compression) {
        JsonObject c = new JsonObject();
        int level = compression.level();
        switch (compression.codec()) {
            case "raw" -> {
                return JsonNull.INSTANCE;
            }
            case "gzip", "zlib" -> {
                c.addProperty("id", compression.codec());
                c.addProperty("level", level < 0 ? 6 : level);
            }
            case "bzip2" -> {
                c.addProperty("id", "bz2");
                c.addProperty("level", level < 1 ? 9 : level);
            }
            case "xz" -> {
                c.addProperty("id", "lzma");
                c.addProperty("format", 1);
                c.addProperty("check", -1);
                c.addProperty("preset", level < 0 ? 6 : level);
                c.add("filters", JsonNull.INSTANCE);
            }
            case "zstd" -> {
                c.addProperty("id", "zstd");
                c.addProperty("level", level < 0 ? 3 : level);
            }
            case "lz4" -> {
                c.addProperty("id", "lz4");
                c.addProperty("acceleration", 1);
            }
            default -> {
                c.addProperty("id", "blosc");
                c.addProperty("cname", compression.blosc());
                c.addProperty("clevel", level);
                c.addProperty("shuffle", compression.shuffle());
                c.addProperty("blocksize", 0);
            }
        }
        return c;
    }

    private static int intOr(JsonObject json, String key, int fallback) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsInt() : fallback;
    }
}
