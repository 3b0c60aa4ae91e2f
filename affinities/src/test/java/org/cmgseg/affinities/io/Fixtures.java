package org.cmgseg.affinities.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.cmgseg.testkit.Sha256;
import org.cmgseg.testkit.SharedData;

/** Reads the I/O fixtures' manifests and checks a dataset against one of their entries. */
public final class Fixtures {

    private Fixtures() {
    }

    public static JsonObject manifest(String relative) throws IOException {
        Path file = SharedData.require(relative);
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    /** The attributes a manifest entry records (none recorded: an empty object). */
    public static JsonObject attributes(JsonObject entry) {
        return entry.has("attributes") ? entry.getAsJsonObject("attributes") : new JsonObject();
    }

    public static long[] longs(JsonElement array) {
        return StreamSupport.stream(array.getAsJsonArray().spliterator(), false).mapToLong(JsonElement::getAsLong).toArray();
    }

    /** Integer element i exactly, as the manifests write it: unsigned integers by their unsigned value. */
    public static BigDecimal element(DataType type, Object array, int i) {
        return switch (type) {
            case UINT64 -> new BigDecimal(Long.toUnsignedString(((long[]) array)[i]));
            case INT64 -> BigDecimal.valueOf(((long[]) array)[i]);
            default -> BigDecimal.valueOf((long) type.get(array, i));
        };
    }

    /** Shape, type, hash and the first and last elements of a dataset against a manifest entry. */
    public static void assertMatches(JsonObject entry, Dataset dataset, String shapeKey, String typeKey) throws IOException {
        String what = entry.get("path").getAsString();
        assertArrayEquals(longs(entry.get(shapeKey)), dataset.info().shape(), what + " shape");
        DataType type = dataset.info().dataType();
        assertEquals(entry.get(typeKey).getAsString(), type.label(), what + " type");
        Object all = dataset.readAll();
        assertEquals(entry.get("sha256_c_order_little_endian").getAsString(), Sha256.of(all), what + " sha256");
        assertElement(entry.get("first"), type, all, 0, what + " first");
        assertElement(entry.get("last"), type, all, type.length(all) - 1, what + " last");
    }

    private static void assertElement(JsonElement expected, DataType type, Object array, int i, String what) {
        if (type.floating()) {
            assertEquals(expected.getAsDouble(), type.get(array, i), 0, what);
        } else {
            assertEquals(0, expected.getAsBigDecimal().compareTo(element(type, array, i)), what);
        }
    }
}
