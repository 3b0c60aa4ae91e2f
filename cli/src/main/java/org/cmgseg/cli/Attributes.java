package org.cmgseg.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.Format;

/** The attributes a dataset carries for users, to be copied to what is derived from it. */
final class Attributes {

    /** N5 keeps its own metadata among the attributes; it is not copied. */
    private static final List<String> N5_METADATA = List.of("dimensions", "blockSize", "dataType", "compression");

    private Attributes() {
    }

    /** Attributes that hold one value per spatial axis, in the file's own axis order. */
    private static final List<String> PER_AXIS = List.of("resolution", "offset");

    /**
     * Attributes for a dataset in another format: per-axis values are reversed between N5, which lists
     * axes (x, y, z), and HDF5 and Zarr, which list them (z, y, x).
     */
    static JsonObject forFormat(JsonObject attributes, Format from, Format to) {
        JsonObject copy = attributes.deepCopy();
        if ((from == Format.N5) != (to == Format.N5)) {
            for (String key : PER_AXIS) {
                if (copy.has(key) && copy.get(key).isJsonArray() && copy.getAsJsonArray(key).size() == 3) {
                    com.google.gson.JsonArray reversed = new com.google.gson.JsonArray();
                    for (int i = 2; i >= 0; i--) {
                        reversed.add(copy.getAsJsonArray(key).get(i));
                    }
                    copy.add(key, reversed);
                }
            }
        }
        return copy;
    }

    /** Only the per-axis attributes (resolution, offset) of a dataset, for a dataset of the same grid in another format. */
    static JsonObject geometry(Container container, DatasetAddress address, Format to) throws IOException {
        JsonObject all = forFormat(user(container, address), address.format(), to);
        JsonObject geometry = new JsonObject();
        for (String key : PER_AXIS) {
            if (all.has(key)) {
                geometry.add(key, all.get(key));
            }
        }
        return geometry;
    }

    /** The resolution attribute as (z, y, x), or null if the dataset has none of three numbers. */
    static double[] resolutionZyx(Container container, DatasetAddress address) throws IOException {
        JsonObject attributes = forFormat(user(container, address), address.format(), Format.HDF5);
        if (!attributes.has("resolution") || !attributes.get("resolution").isJsonArray() || attributes.getAsJsonArray("resolution").size() != 3) {
            return null;
        }
        double[] zyx = new double[3];
        for (int i = 0; i < 3; i++) {
            zyx[i] = attributes.getAsJsonArray("resolution").get(i).getAsDouble();
        }
        return zyx;
    }

    static JsonObject user(Container container, DatasetAddress address) throws IOException {
        JsonObject attributes = container.attributes(address.format() == Format.TIFF ? "" : address.dataset()).deepCopy();
        if (address.format() == Format.N5) {
            N5_METADATA.forEach(attributes::remove);
        }
        return attributes;
    }
}
