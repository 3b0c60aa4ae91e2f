package org.cmgseg.affinities.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON metadata files (N5 attributes.json, Zarr .zarray/.zattrs), read with clear errors and written atomically. */
public final class JsonFiles {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private JsonFiles() {
    }

    /** The object in a JSON file, or an empty object if the file does not exist. */
    public static JsonObject read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new JsonObject();
        }
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not a valid JSON object: " + e.getMessage());
        }
    }

    public static void write(Path file, JsonObject json) throws IOException {
        byte[] content = (GSON.toJson(json) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFiles.write(file, temporary -> Files.write(temporary, content));
    }
}
