package org.cmgseg.segmentation.output;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cmgseg.affinities.io.AtomicFiles;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.ShortestDecimal;
import org.cmgseg.segmentation.SegmentationResult;
import org.cmgseg.segmentation.fragments.FragmentMethod;

/**
 * Writes a segmentation into a group: {@link #FRAGMENTS} and one uint64 volume per threshold, named by
 * its shortest decimal ({@code 0.5}, {@code 0.25}), each with the geometry and what made it as
 * attributes; optionally the merge history as CSV. Nothing is visible before {@link #commit}, which
 * makes the volumes visible one after the other (each atomically), removes the volumes of other
 * thresholds that an earlier run left in the group, and then writes the history. Closing without
 * commit leaves nothing behind.
 * <pre>{@code
 * try (SegmentationWriter writer = SegmentationWriter.open(group, geometry, storage, overwrite)) {
 *     writer.write(result, method, context);
 *     writer.history(csv);
 *     writer.commit();
 * }
 * }</pre>
 */
public final class SegmentationWriter implements AutoCloseable {

    public static final String FRAGMENTS = "fragments";

    private final DatasetAddress group;
    private final Geometry geometry;
    private final DatasetInfo storage;
    private final Container container;
    private final List<Staged> staged = new ArrayList<>();
    private SegmentationResult result;
    private Path history;

    /** A volume written but not yet visible, and the attributes it gets. */
    private record Staged(String path, DatasetWriter writer, JsonObject attributes) {
    }

    private SegmentationWriter(DatasetAddress group, Geometry geometry, DatasetInfo storage, Container container) {
        this.group = group;
        this.geometry = geometry;
        this.storage = storage;
        this.container = container;
    }

    /**
     * Starts writing into a group of an N5, Zarr or HDF5 container (created if need be). {@code storage}
     * is every volume's: uint64, the shape of the result, its block size and compression; a group that holds anything already is
     * refused unless {@code overwrite}.
     */
    public static SegmentationWriter open(DatasetAddress group, Geometry geometry, DatasetInfo storage, boolean overwrite)
            throws IOException {
        if (group.format() == Format.TIFF) {
            throw new IllegalArgumentException("a segmentation is several datasets; give an N5, Zarr or HDF5 group, not " + group);
        }
        if (storage.dataType() != DataType.UINT64) {
            throw new IllegalArgumentException("segmentations are written as uint64, not " + storage.dataType().label());
        }
        Container container = Containers.openForWriting(group.container(), group.format());
        try {
            if (container.isDataset(group.dataset())) {
                throw new IllegalArgumentException("cannot write into " + group + ": it is a dataset, not a group");
            }
            List<String> datasets = container.datasetsIn(group.dataset());
            if (!overwrite && !datasets.isEmpty()) {
                throw new IllegalArgumentException(group + " already holds " + String.join(", ", datasets) + "; overwrite to replace them");
            }
            return new SegmentationWriter(group, geometry, storage, container);
        } catch (IOException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    /** Writes the fragments and every threshold's segmentation of a result, made by {@code fragments}. */
    public void write(SegmentationResult segmentation, FragmentMethod fragments, RunContext context) throws IOException {
        if (result != null) {
            throw new IllegalStateException("a segmentation writer writes one result");
        }
        result = segmentation;
        DatasetWriter fragmentWriter = stage(FRAGMENTS, attributes(fragments, -1));
        segmentation.writeFragments(fragmentWriter, context);
        float[] levels = segmentation.thresholds();
        for (int t = 0; t < levels.length; t++) {
            context.checkCancelled();
            DatasetWriter writer = stage(ShortestDecimal.of(levels[t]), attributes(fragments, t));
            segmentation.writeSegmentation(t, writer, context);
        }
    }

    /** Also writes the merge history of the result as CSV ({@link MergeHistoryCsv}) on commit. */
    public void history(Path csv) {
        history = csv;
    }

    /** Makes what was written visible; see the class comment. */
    public void commit() throws IOException {
        if (result == null) {
            throw new IllegalStateException("nothing written to commit");
        }
        for (Staged volume : staged) {
            volume.writer().commit();
            container.setAttributes(volume.path(), volume.attributes());
        }
        removeOtherThresholds();
        if (history != null) {
            String csv = MergeHistoryCsv.of(result);
            AtomicFiles.write(history, temporary -> Files.writeString(temporary, csv));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            for (Staged volume : staged) {
                volume.writer().close();
            }
        } finally {
            container.close();
        }
    }

    private DatasetWriter stage(String name, JsonObject attributes) throws IOException {
        String path = group.resolve(name).dataset();
        DatasetWriter writer = container.create(path, storage);
        staged.add(new Staged(path, writer, attributes));
        return writer;
    }

    private JsonObject attributes(FragmentMethod fragments, int threshold) {
        JsonObject attributes = geometry.attributes(group.format());
        attributes.addProperty("fragments", fragments.name());
        if (threshold >= 0) {
            attributes.addProperty("threshold", Double.parseDouble(ShortestDecimal.of(result.thresholds()[threshold])));
            attributes.addProperty("merge_function", result.mergeFunction().name());
            attributes.addProperty("queue", result.queue().name());
            attributes.addProperty("segments", result.segmentCount(threshold));
        }
        return attributes;
    }

    private void removeOtherThresholds() throws IOException {
        Set<String> written = new HashSet<>();
        for (float level : result.thresholds()) {
            written.add(ShortestDecimal.of(level));
        }
        for (String name : container.children(group.dataset())) {
            String path = group.resolve(name).dataset();
            if (!written.contains(name) && ShortestDecimal.isName(name) && container.isDataset(path)) {
                container.delete(path);
            }
        }
    }
}
