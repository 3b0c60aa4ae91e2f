package org.cmgseg.affinities.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;

/**
 * Where a volume lies in space: its {@code resolution} and {@code offset} attributes, one value per
 * spatial axis. Files keep them in their own axis order, (x, y, z) in N5 (as the Java N5 tools write
 * them) and (z, y, x) in HDF5 and Zarr; a geometry holds them as (z, y, x) and gives each format its
 * order. Values are kept as the file had them (an integer resolution stays an integer).
 */
public final class Geometry {

    /** Attributes that hold one value per spatial axis. */
    private static final List<String> PER_AXIS = List.of("resolution", "offset");

    /** No resolution, no offset. */
    public static final Geometry NONE = new Geometry(new JsonObject());

    /** The per-axis attributes in HDF5's order, (z, y, x). */
    private final JsonObject zyx;

    private Geometry(JsonObject zyx) {
        this.zyx = zyx;
    }

    /** A resolution (z, y, x) at offset 0. */
    public static Geometry ofResolution(double[] resolutionZyx) {
        JsonArray resolution = new JsonArray();
        JsonArray offset = new JsonArray();
        for (int i = 0; i < 3; i++) {
            resolution.add(resolutionZyx[i]);
            offset.add(0.0);
        }
        JsonObject zyx = new JsonObject();
        zyx.add("resolution", resolution);
        zyx.add("offset", offset);
        return new Geometry(zyx);
    }

    /** The per-axis attributes among a dataset's attributes in a format. */
    public static Geometry of(JsonObject attributes, Format format) {
        JsonObject inHdf5Order = forFormat(attributes, format, Format.HDF5);
        JsonObject zyx = new JsonObject();
        for (String key : PER_AXIS) {
            if (inHdf5Order.has(key)) {
                zyx.add(key, inHdf5Order.get(key));
            }
        }
        return new Geometry(zyx);
    }

    /** The geometry of a dataset (of a TIFF stack: its calibration). */
    public static Geometry read(Container container, DatasetAddress address) throws IOException {
        return of(UserAttributes.read(container, address), address.format());
    }

    /** The attributes to write into a dataset of a format. */
    public JsonObject attributes(Format format) {
        return forFormat(zyx, Format.HDF5, format);
    }

    /** The resolution (z, y, x), or null unless it is three numbers. */
    public double[] resolutionZyx() {
        JsonElement resolution = zyx.get("resolution");
        if (resolution == null || !resolution.isJsonArray() || resolution.getAsJsonArray().size() != 3) {
            return null;
        }
        double[] values = new double[3];
        for (int i = 0; i < 3; i++) {
            values[i] = resolution.getAsJsonArray().get(i).getAsDouble();
        }
        return values;
    }

    /**
     * Attributes for a dataset in another format: the per-axis ones of three values are reversed between
     * N5 and HDF5 or Zarr; all others are copied as they are.
     */
    public static JsonObject forFormat(JsonObject attributes, Format from, Format to) {
        JsonObject copy = attributes.deepCopy();
        if ((from == Format.N5) != (to == Format.N5)) {
            for (String key : PER_AXIS) {
                if (copy.has(key) && copy.get(key).isJsonArray() && copy.getAsJsonArray(key).size() == 3) {
                    JsonArray reversed = new JsonArray();
                    for (int i = 2; i >= 0; i--) {
                        reversed.add(copy.getAsJsonArray(key).get(i));
                    }
                    copy.add(key, reversed);
                }
            }
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry other && zyx.equals(other.zyx);
    }

    @Override
    public int hashCode() {
        return zyx.hashCode();
    }

    @Override
    public String toString() {
        return zyx.toString();
    }
}
