package org.cmgseg.affinities.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dataset lives, in the one address syntax of cmgseg (command line, Fiji, Spark):
 * {@code PATH.n5:/group/dataset}, {@code PATH.zarr:/group/dataset}, {@code PATH.h5:/group/dataset}
 * (also {@code .hdf5}, {@code .hdf}), and {@code PATH.tif} for a TIFF stack, which holds one dataset.
 * The dataset path is normalised to a leading slash and no trailing one; an address without one
 * ({@code PATH.n5}) names the root group.
 */
public record DatasetAddress(Path container, Format format, String dataset) {

    private static final Pattern SPLIT = Pattern.compile("(?i)\\.(n5|zarr|hdf5|hdf|h5)/*(:|$)");

    public DatasetAddress {
        dataset = normalise(dataset);
    }

    public static DatasetAddress parse(String address) {
        Matcher m = SPLIT.matcher(address);
        if (m.find()) {
            String containerPath = address.substring(0, m.start(1) + m.group(1).length());
            String dataset = m.group(2).equals(":") ? address.substring(m.end()) : "";
            return new DatasetAddress(Path.of(containerPath), Format.ofPath(containerPath), dataset);
        }
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
            return new DatasetAddress(Path.of(address), Format.TIFF, "");
        }
        throw new IllegalArgumentException("'" + address + "' is not a dataset address: expected PATH.n5:/dataset, "
                + "PATH.zarr:/dataset, PATH.h5:/dataset (.hdf5, .hdf) or PATH.tif");
    }

    /** The same container, another dataset. */
    public DatasetAddress resolve(String datasetPath) {
        return new DatasetAddress(container, format, dataset + "/" + normalise(datasetPath));
    }

    static String normalise(String path) {
        String p = path.replace('\\', '/').replaceAll("/+", "/");
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }

    @Override
    public String toString() {
        return format == Format.TIFF ? container.toString() : container + ":" + dataset;
    }
}
