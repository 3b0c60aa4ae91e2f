package org.cmgseg.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.ProbabilityView;
import org.cmgseg.affinities.SoftThreshold;
import org.cmgseg.affinities.ValueRange;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.Format;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.affinities.io.UserAttributes;
import org.cmgseg.cmg.Cmg;
import org.cmgseg.cmg.LogitMethod;
import org.cmgseg.core.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmgseg transform}: the CMG soft threshold of an affinity volume. */
@Command(name = "transform", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Soft-threshold affinities with the CMG function: every value x becomes CMG(x) on the range [xmin, xmax] "
                + "mapped onto itself. The range is the global minimum and maximum of the volume (a first pass) or given. "
                + "Computed in double, stored as float32, block by block."},
        footer = {"", "Example:", "  cmgseg transform --input affs.n5:/affinities --output affs.n5:/cmg_0.4_0.3 --mu 0.4 --inflection 0.3"})
final class TransformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "ADDR", description = "Affinities (c, z, y, x) in [0, 1], float32 "
            + "(float64 and uint8, read as value / 255, are converted).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "ADDR", description = "Where to write the result.")
    String output;

    @Option(names = "--mu", required = true, description = "Inflection rate in [0, 1].")
    double mu;

    @Option(names = {"--inflection", "-I"}, required = true, description = "Inflection point in [0, 1].")
    double inflection;

    @Option(names = "--range", defaultValue = "global", paramLabel = "global|A,B",
            description = "The range [xmin, xmax]: the volume's own minimum and maximum (default), or A,B within [0, 1] "
                    + "(values outside it are clipped to it, with a warning).")
    String range;

    @Option(names = "--mode", defaultValue = "exact", paramLabel = "exact|lookup1000",
            description = "The logit phase exactly (default) or as the reference implementation's 1000-point lookup.")
    String mode;

    @Mixin
    NanOption nan;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        LogitMethod method = CmgCommand.logitMethod(mode);
        Cmg.unit(mu, inflection); // checks mu and I before any data is read
        NonFinitePolicy policy = nan.policy();
        ValueRange given = range.equals("global") ? null : explicitRange(range);
        DatasetAddress in = DatasetAddress.parse(input);
        DatasetAddress out = DatasetAddress.parse(output);
        try (NewOutputs outputs = Volumes.pipeOutput(in, out, storage);
             ProgressBars progress = new ProgressBars(spec.commandLine().getErr());
             Volumes.Pipe pipe = Volumes.pipe(in, out, info -> outputInfo(info, in, out.format()))) {
            RunContext context = storage.context(progress);
            ProbabilityView affinities = ProbabilityView.of(pipe.dataset(), policy, in.toString());
            ValueRange values = given == null ? affinities.scan(context) : given;
            Cmg curve = SoftThreshold.curve(mu, inflection, values, method);
            long clipped = SoftThreshold.apply(affinities, pipe.output().writer(), curve, context);
            if (given != null && clipped > 0) {
                long total = pipe.dataset().info().elements();
                progress.warning(String.format(Locale.ROOT, "%d of %d values (%.3g %%) lie outside --range [%s, %s] and were clipped to it",
                        clipped, total, 100.0 * clipped / total, CFormat.shortest(values.min()), CFormat.shortest(values.max())));
            }
            pipe.output().writer().commit();
            JsonObject attributes = Geometry.forFormat(UserAttributes.read(pipe.input(), in), in.format(), out.format());
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
        if (info.axes() != 4) {
            throw new IllegalArgumentException("affinities must be (c, z, y, x); " + in + " has shape " + info.shapeText());
        }
        ProbabilityView.check(info, in.toString());
        return storage.output(info.dimensions(), DataType.FLOAT32, info.blockSize(), format);
    }

    /** --range A,B: a range within [0, 1], lowest first. */
    private static ValueRange explicitRange(String text) {
        String[] parts = text.split(",");
        double a;
        double b;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            a = Double.parseDouble(parts[0]);
            b = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--range must be 'global' or two numbers A,B, got '" + text + "'");
        }
        if (!(a >= 0 && b <= 1 && a <= 1 && b >= 0)) {
            throw new IllegalArgumentException("--range " + text + " is not within [0, 1], where affinities lie");
        }
        if (a > b) {
            throw new IllegalArgumentException("--range " + text + " is reversed (it starts above its end); give it lowest first: --range "
                    + parts[1].strip() + "," + parts[0].strip());
        }
        if (a == b) {
            throw new IllegalArgumentException("--range " + text + " is empty (it starts where it ends); give A below B");
        }
        return new ValueRange(a, b);
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
