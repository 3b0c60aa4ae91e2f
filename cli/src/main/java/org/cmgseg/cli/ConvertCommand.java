package org.cmgseg.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.cmgseg.affinities.Blockwise;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.io.Geometry;
import org.cmgseg.affinities.io.UserAttributes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cmgseg convert}: copies a dataset into another container, format, block size or compression. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Copy a dataset, block by block, to another address (format, block size and compression may change; "
                + "values, data type and attributes are kept).",
        footer = {"", "Examples:", "  cmgseg convert sample_B.hdf:/volumes/raw sample_B.n5:/raw --block-size 16,128,128",
                "  cmgseg convert predictions.zarr:/affs predictions.h5:/volumes/affinities --compression gzip:4"})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The dataset to copy.")
    String input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Where to write it.")
    String output;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        DatasetAddress in = DatasetAddress.parse(input);
        DatasetAddress out = DatasetAddress.parse(output);
        try (NewOutputs outputs = Volumes.pipeOutput(in, out, storage);
             ProgressBars progress = new ProgressBars(spec.commandLine().getErr());
             Volumes.Pipe pipe = Volumes.pipe(in, out, info -> storage.output(info.dimensions(), info.dataType(), info.blockSize(), out.format()))) {
            Blockwise.map(pipe.dataset(), pipe.output().writer(), (block, offset, size) -> block, storage.context(progress),
                    "convert");
            pipe.output().writer().commit();
            Volumes.setAttributes(pipe.output(), out, Geometry.forFormat(UserAttributes.read(pipe.input(), in), in.format(), out.format()));
            outputs.keep();
        }
        return 0;
    }
}
