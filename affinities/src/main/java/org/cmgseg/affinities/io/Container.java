package org.cmgseg.affinities.io;

import com.google.gson.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An N5, Zarr, HDF5 or TIFF container of groups and datasets, addressed by slash-separated paths
 * ("/" is the root). Attributes are JSON objects, whatever the format stores natively.
 */
public interface Container extends Closeable {

    Path path();

    Format format();

    boolean exists(String path) throws IOException;

    boolean isDataset(String path) throws IOException;

    /** The names of the groups and datasets directly in a group. */
    List<String> children(String group) throws IOException;

    /** The names of the datasets directly in a group (none if there is no such group); its sub-groups are left out. */
    default List<String> datasetsIn(String group) throws IOException {
        List<String> datasets = new ArrayList<>();
        if (exists(group)) {
            for (String name : children(group)) {
                if (isDataset(DatasetAddress.normalise(group + "/" + name))) {
                    datasets.add(name);
                }
            }
        }
        return datasets;
    }

    /** Fails with a message naming the container and the path when there is no such dataset. */
    Dataset open(String path) throws IOException;

    JsonObject attributes(String path) throws IOException;

    /** Adds or replaces the given attributes of an existing group or dataset. */
    void setAttributes(String path, JsonObject attributes) throws IOException;

    /** Removes a dataset or a group with all it holds (not the root); nothing happens if there is none. */
    void delete(String path) throws IOException;

    /** Starts writing a dataset (creating its parent groups); see {@link DatasetWriter}. */
    DatasetWriter create(String path, DatasetInfo info) throws IOException;
}
