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

    static JsonObject user(Container container, DatasetAddress address) throws IOException {
        JsonObject attributes = container.attributes(address.format() == Format.TIFF ? "" : address.dataset()).deepCopy();
        if (address.format() == Format.N5) {
            N5_METADATA.forEach(attributes::remove);
        }
        return attributes;
    }
}
