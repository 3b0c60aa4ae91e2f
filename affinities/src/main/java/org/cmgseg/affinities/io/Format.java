package org.cmgseg.affinities.io;

import java.util.List;
import java.util.Locale;

/** The container formats, recognised by the extension of the container path. */
public enum Format {
    N5(List.of(".n5")), ZARR(List.of(".zarr")), HDF5(List.of(".h5", ".hdf5", ".hdf")), TIFF(List.of(".tif", ".tiff"));

    private final List<String> extensions;

    Format(List<String> extensions) {
        this.extensions = extensions;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The format whose extension ends this path, or null. */
    public static Format ofPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        while (lower.endsWith("/") && lower.length() > 1) {
            lower = lower.substring(0, lower.length() - 1);
        }
        for (Format format : values()) {
            for (String extension : format.extensions) {
                if (lower.endsWith(extension)) {
                    return format;
                }
            }
        }
        return null;
    }
}
