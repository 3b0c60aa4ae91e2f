package org.cmgseg.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.AffinitiesView;
import org.cmgseg.affinities.Blockwise;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.affinities.io.UserAttributes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg affinities}: an affinity graph from ground-truth labels or from a boundary probability map. */
@Command(name = "affinities", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute affinities (float32, shape (channels, z, y, x)) block by block:",
                "  from labels: 1 where a voxel and its neighbour at the offset carry the same non-zero label, else 0;",
                "  from a boundary map p: min(1 - p(v), 1 - p(v + offset)).",
                "0 where the neighbour lies outside the volume. Default offsets: the nearest neighbours, channel 0 = z, 1 = y, 2 = x."},
        footer = {"", "Examples:", "  cmgseg affinities --labels sample_B.hdf:/volumes/labels/neuron_ids --output gt.n5:/affinities",
                "  cmgseg affinities --boundary p.h5:/boundary --output affs.zarr:/affs --offsets \"-1,0,0;0,-1,0;0,0,-1;0,-9,0;0,0,-9\""})
final class AffinitiesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--labels", required = true, paramLabel = "ADDR", description = "Ground-truth labels (integers, z, y, x).")
        String labels;

        @Option(names = "--boundary", required = true, paramLabel = "ADDR", description = "Boundary probability map (z, y, x) in [0, 1], "
                + "float32 (float64 and uint8, read as value / 255, are converted).")
        String boundary;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--output", required = true, paramLabel = "ADDR", description = "Where to write the affinities.")
    String output;

    @Option(names = "--offsets", paramLabel = "Z,Y,X;...", description = "Neighbour offsets, one per channel, slowest axis first "
            + "(default: -1,0,0;0,-1,0;0,0,-1).")
    String offsets;

    @Mixin
    NanOption nan;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        boolean fromLabels = source.labels != null;
        DatasetAddress in = DatasetAddress.parse(fromLabels ? source.labels : source.boundary);
        DatasetAddress out = DatasetAddress.parse(output);
        if (out.format() == Format.TIFF) {
            throw new IllegalArgumentException("affinities have a channel axis; write them to N5, Zarr or HDF5, not " + out);
        }
        if (fromLabels && nan.nanAs != null) {
            throw new IllegalArgumentException("--nan-as applies to a boundary map (--boundary); labels are integers");
        }
        int[][] neighbours = offsets == null ? AffinitiesView.NEAREST : parseOffsets(offsets);
        try (NewOutputs outputs = Volumes.pipeOutput(in, out, storage);
             ProgressBars progress = new ProgressBars(spec.commandLine().getErr());
             Volumes.Pipe pipe = Volumes.pipe(in, out, info -> {
                 if (!fromLabels) {
                     ProbabilityView.check(info, in.toString());
                 }
                 return outputInfo(info, neighbours.length, out.format());
             })) {
            Dataset view = fromLabels ? AffinitiesView.ofLabels(pipe.dataset(), neighbours, in.toString())
                    : AffinitiesView.ofBoundaryMap(pipe.dataset(), neighbours, nan.policy(), in.toString());
            Blockwise.map(view, pipe.output().writer(), (block, offset, size) -> block, storage.context(progress),
                    "affinities");
            pipe.output().writer().commit();
            JsonObject attributes = Geometry.forFormat(UserAttributes.read(pipe.input(), in), in.format(), out.format());
            attributes.add("affinity_offsets", offsetsJson(neighbours));
            Volumes.setAttributes(pipe.output(), out, attributes);
            outputs.keep();
        }
        return 0;
    }

    private DatasetInfo outputInfo(DatasetInfo input, int channels, Format format) {
        if (input.axes() != 3) {
            throw new IllegalArgumentException("the input has shape " + input.shapeText() + "; expected a 3D volume (z, y, x)");
        }
        long[] dims = java.util.Arrays.copyOf(input.dimensions(), 4);
        dims[3] = channels;
        return storage.output(dims, DataType.FLOAT32, input.blockSize(), format);
    }

    static int[][] parseOffsets(String text) {
        String[] vectors = text.split(";");
        int[][] out = new int[vectors.length][];
        for (int k = 0; k < vectors.length; k++) {
            String[] parts = vectors[k].split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--offsets: each offset has 3 components z,y,x, got '" + vectors[k] + "'");
            }
            out[k] = new int[3];
            for (int d = 0; d < 3; d++) {
                try {
                    out[k][d] = Integer.parseInt(parts[d].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--offsets: '" + parts[d] + "' is not a whole number");
                }
            }
        }
        return out;
    }

    private static JsonArray offsetsJson(int[][] offsets) {
        JsonArray array = new JsonArray();
        for (int[] offset : offsets) {
            JsonArray v = new JsonArray();
            for (int c : offset) {
                v.add(c);
            }
            array.add(v);
        }
        return array;
    }
}
