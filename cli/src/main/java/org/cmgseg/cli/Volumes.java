package org.cmgseg.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;

/** Opening inputs and creating outputs by address, with the messages users see. */
final class Volumes {

    private Volumes() {
    }

    static Containers.OpenDataset open(String address) throws IOException {
        return Containers.open(DatasetAddress.parse(address));
    }

    /**
     * An input dataset and an output being written, sharing one container when both addresses name
     * the same one (HDF5 does not open a file twice).
     */
    record Pipe(Container input, org.cmgseg.affinities.io.Dataset dataset, Output output) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                output.close();
            } finally {
                if (input != output.container()) {
                    input.close();
                }
            }
        }
    }

    /** The output of a pipe, checked (see {@link NewOutputs}) before any work starts. */
    static NewOutputs pipeOutput(DatasetAddress in, DatasetAddress out, StorageOptions storage) throws IOException {
        if (sameContainer(in, out) && in.dataset().equals(out.dataset())) {
            throw new IllegalArgumentException("the output " + out + " is the input; write to another dataset");
        }
        return storage.outputs().dataset(out);
    }

    private static boolean sameContainer(DatasetAddress in, DatasetAddress out) {
        return in.container().toAbsolutePath().normalize().equals(out.container().toAbsolutePath().normalize());
    }

    /** Opens an input and starts an output (checked with {@link #pipeOutput}) whose storage is derived from the input's. */
    static Pipe pipe(DatasetAddress in, DatasetAddress out, java.util.function.Function<DatasetInfo, DatasetInfo> outputInfo)
            throws IOException {
        boolean shared = sameContainer(in, out);
        Container input = shared ? Containers.openForWriting(in.container(), in.format()) : Containers.open(in.container(), in.format());
        try {
            org.cmgseg.affinities.io.Dataset dataset = input.open(in.format() == Format.TIFF ? "" : in.dataset());
            DatasetInfo info = outputInfo.apply(dataset.info());
            Container output = shared ? input : Containers.openForWriting(out.container(), out.format());
            try {
                return new Pipe(input, dataset, new Output(output, output.create(out.format() == Format.TIFF ? "" : out.dataset(), info)));
            } catch (IOException | RuntimeException e) {
                if (!shared) {
                    output.close();
                }
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** A dataset being written to an address, and its container; closing both discards an uncommitted write. */
    record Output(Container container, DatasetWriter writer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                container.close();
            }
        }
    }

    static Output create(DatasetAddress address, DatasetInfo info) throws IOException {
        Container container = Containers.openForWriting(address.container(), address.format());
        try {
            return new Output(container, container.create(address.format() == Format.TIFF ? "" : address.dataset(), info));
        } catch (IOException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    /** Attributes after commit (TIFF keeps only its calibration: resolution and unit). */
    static void setAttributes(Output output, DatasetAddress address, JsonObject attributes) throws IOException {
        if (!attributes.isEmpty()) {
            output.container().setAttributes(address.format() == Format.TIFF ? "" : address.dataset(), attributes);
        }
    }

    /** "z, y, x" numbers as dimensions fastest axis first. */
    static long[] dimensionsOfShape(String zyx, int axes, String option) {
        String[] parts = zyx.split(",");
        if (parts.length != axes) {
            throw new IllegalArgumentException(option + " takes " + axes + " comma-separated sizes (slowest axis first), got '" + zyx + "'");
        }
        long[] dims = new long[axes];
        for (int i = 0; i < axes; i++) {
            try {
                dims[axes - 1 - i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + parts[i] + "' is not a whole number");
            }
            if (dims[axes - 1 - i] < 1) {
                throw new IllegalArgumentException(option + " sizes must be positive, got '" + zyx + "'");
            }
        }
        return dims;
    }
}
