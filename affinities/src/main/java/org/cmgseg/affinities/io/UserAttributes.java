package org.cmgseg.affinities.io;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;

/** The attributes a dataset carries for users (not a format's own metadata), to be shown or copied to what is derived from it. */
public final class UserAttributes {

    /** N5 keeps its own metadata among the attributes. */
    private static final List<String> N5_METADATA = List.of("dimensions", "blockSize", "dataType", "compression");

    private UserAttributes() {
    }

    /** A copy of the dataset's attributes (of a TIFF stack: its calibration). */
    public static JsonObject read(Container container, DatasetAddress address) throws IOException {
        JsonObject attributes = container.attributes(address.format() == Format.TIFF ? "" : address.dataset()).deepCopy();
        if (address.format() == Format.N5) {
            N5_METADATA.forEach(attributes::remove);
        }
        return attributes;
    }
}
