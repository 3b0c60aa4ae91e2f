package org.cmgseg.spark;

import com.google.gson.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.FolderDatasetWriter;
import org.cmgseg.affinities.io.Format;

/**
 * Datasets of one group that the tasks of a job write, each task its own block's chunks ({@link BlockOutput}): the
 * driver creates them hidden before the job and, only once it succeeded, renames them into place with their
 * attributes; closing them uncommitted removes them, so a failed job leaves no visible dataset. Blocks are whole
 * multiples of the chunks, so no two tasks write one chunk and a retried task rewrites exactly its own.
 */
final class HiddenDatasets implements Closeable {

    private final DatasetAddress group;
    private final Container container;
    private final List<String> names;
    private final List<DatasetWriter> writers = new ArrayList<>();

    private HiddenDatasets(DatasetAddress group, Container container, List<String> names) {
        this.group = group;
        this.container = container;
        this.names = names;
    }

    /** Creates the datasets {@code names} of {@code info} in the N5 or Zarr {@code group}, for tasks of blocks of {@code blockSize} (x, y, z). */
    static HiddenDatasets create(String group, List<String> names, DatasetInfo info, int[] blockSize) throws IOException {
        for (int d = 0; d < blockSize.length; d++) {
            if (blockSize[d] % info.blockSize()[d] != 0) {
                throw new IllegalArgumentException("the blocks of tasks (" + sizeText(blockSize) + ") must be multiples of the chunks of "
                        + group + " (" + sizeText(info.blockSize()) + "): two tasks would write one chunk");
            }
        }
        DatasetAddress address = DatasetAddress.parse(group);
        if (address.format() != Format.N5 && address.format() != Format.ZARR) {
            throw new IllegalArgumentException("the output " + address + " must be an N5 or Zarr group");
        }
        HiddenDatasets datasets = new HiddenDatasets(address, Containers.openForWriting(address.container(), address.format()), names);
        try {
            for (String name : names) {
                datasets.writers.add(datasets.container.create(address.resolve(name).dataset(), info));
            }
        } catch (IOException | RuntimeException e) {
            datasets.close();
            throw e;
        }
        return datasets;
    }

    /** What the tasks write through, one per dataset in the order of the names. */
    List<BlockOutput> outputs() {
        List<BlockOutput> outputs = new ArrayList<>();
        for (DatasetWriter writer : writers) {
            outputs.add(new BlockOutput(group.format(), ((FolderDatasetWriter) writer).partialFolder().toString(), writer.info()));
        }
        return outputs;
    }

    /** Makes every dataset visible with its attributes (in the order of the names); call after the job succeeded. */
    void commit(List<JsonObject> attributes) throws IOException {
        for (int i = 0; i < writers.size(); i++) {
            writers.get(i).commit();
            container.setAttributes(group.resolve(names.get(i)).dataset(), attributes.get(i));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            for (DatasetWriter writer : writers) {
                writer.close();
            }
        } finally {
            container.close();
        }
    }

    /** z,y,x as the command line takes a size. */
    private static String sizeText(int[] xyz) {
        return xyz[2] + "," + xyz[1] + "," + xyz[0];
    }
}
