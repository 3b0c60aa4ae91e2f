package org.cmgseg.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.LogitMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmgseg transform}: the CMG soft threshold of an affinity volume. */
@Command(name = "transform", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Soft-threshold affinities with the CMG function: every value x becomes CMG(x) on the range [xmin, xmax] "
                + "mapped onto itself. The range is the global minimum and maximum of the volume (a first pass) or given. "
                + "Computed in double, stored as float32, block by block."},
        footer = {"", "Example:", "  cmgseg transform --input affs.n5:/affinities --output affs.n5:/cmg_0.4_0.3 --mu 0.4 --inflection 0.3"})
final class TransformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "ADDR", description = "Affinities, float32 (3, z, y, x).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "ADDR", description = "Where to write the result.")
    String output;

    @Option(names = "--mu", required = true, description = "Inflection rate in [0, 1].")
    double mu;

    @Option(names = {"--inflection", "-I"}, required = true, description = "Inflection point in [0, 1].")
    double inflection;

    @Option(names = "--range", defaultValue = "global", paramLabel = "global|A,B",
            description = "The range [xmin, xmax]: the volume's own minimum and maximum (default), or A,B.")
    String range;

    @Option(names = "--mode", defaultValue = "exact", paramLabel = "exact|lookup1000",
            description = "The logit phase exactly (default) or as the reference implementation's 1000-point lookup.")
    String mode;

    @Option(names = "--nan-as", paramLabel = "VALUE", description = "Read NaN and infinite affinities as this value "
            + "(default: refuse them, naming the first).")
    Float nanAs;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        LogitMethod method = CmgCommand.logitMethod(mode);
        Cmg.unit(mu, inflection); // checks mu and I before any data is read
        NonFinitePolicy policy = nanAs == null ? NonFinitePolicy.FAIL : NonFinitePolicy.replaceWith(nanAs);
        DatasetAddress in = DatasetAddress.parse(input);
        DatasetAddress out = DatasetAddress.parse(output);
        try (NewOutputs outputs = Volumes.pipeOutput(in, out, storage);
             ProgressBars progress = new ProgressBars(spec.commandLine().getErr());
             Volumes.Pipe pipe = Volumes.pipe(in, out, info -> outputInfo(info, in, out.format()))) {
            ValueRange values = range.equals("global")
                    ? ValueRange.of(pipe.dataset(), policy, in.toString(), storage.threads(), progress) : explicitRange(range);
            Cmg curve = SoftThreshold.curve(mu, inflection, values, method);
            SoftThreshold.apply(pipe.dataset(), pipe.output().writer(), curve, policy, in.toString(), storage.threads(), progress);
            pipe.output().writer().commit();
            JsonObject attributes = Attributes.forFormat(Attributes.user(pipe.input(), in), in.format(), out.format());
            cmgAttributes(curve).entrySet().forEach(e -> attributes.add(e.getKey(), e.getValue()));
            Volumes.setAttributes(pipe.output(), out, attributes);
            outputs.keep();
            Main.println(spec.commandLine().getOut(), "CMG mu=" + CFormat.shortest(mu) + " I=" + CFormat.shortest(inflection) + " ("
                    + curve.phase().name().toLowerCase() + ") on [" + CFormat.shortest(values.min()) + ", "
                    + CFormat.shortest(values.max()) + "] -> " + out);
        }
        return 0;
    }

    private DatasetInfo outputInfo(DatasetInfo info, DatasetAddress in, Format format) {
        if (info.axes() != 4 || info.shape()[0] != 3) {
            throw new IllegalArgumentException("affinities must be (3, z, y, x); " + in + " has shape " + info.shapeText());
        }
        if (info.dataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("affinities must be float32; " + in + " is " + info.dataType().label());
        }
        return storage.output(info.dimensions(), DataType.FLOAT32, info.blockSize(), format);
    }

    private static ValueRange explicitRange(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                return new ValueRange(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--range must be 'global' or two numbers A,B, got '" + text + "'");
    }

    /** The curve, as flat attributes (as the reference fixtures' CMG volumes carry it). */
    private JsonObject cmgAttributes(Cmg curve) {
        JsonObject cmg = new JsonObject();
        cmg.addProperty("mu", curve.mu());
        cmg.addProperty("I", curve.inflection());
        cmg.addProperty("xmin", curve.xmin());
        cmg.addProperty("xmax", curve.xmax());
        cmg.addProperty("yL", curve.yL());
        cmg.addProperty("yR", curve.yR());
        cmg.addProperty("phase", curve.phase().name().toLowerCase());
        cmg.addProperty("mode", mode);
        return cmg;
    }
}
