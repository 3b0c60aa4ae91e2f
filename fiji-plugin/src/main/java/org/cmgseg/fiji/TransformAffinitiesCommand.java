package org.cmgseg.fiji;

import ij.ImagePlus;
import java.io.IOException;
import org.cmgseg.core.RunContext;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Transform Affinities (CMG) for ImageJ2/Fiji scripts: the work of {@link TransformAffinities}. */
@Plugin(type = Command.class, headless = true, label = "Transform Affinities (CMG)")
public final class TransformAffinitiesCommand extends LibraryCommand {

    @Parameter(description = "any number of channels")
    private ImagePlus image;

    @Parameter(description = "the CMG curve's mu, in [0, 1]")
    private double mu;

    @Parameter(description = "the CMG curve's inflection point I, in [0, 1]")
    private double inflection;

    @Parameter(required = false, persist = false, description = "PATH.n5:/dataset (or .zarr, .h5) to write a float32 dataset to instead of making an image")
    private String output;

    @Parameter(required = false, persist = false)
    private boolean overwrite;

    @Parameter(type = ItemIO.OUTPUT, description = "the transformed image; none when written to the output")
    private ImagePlus transformed;

    @Override
    void run(RunContext context) throws IOException {
        transformed = TransformAffinities.transform(image, mu, inflection, output == null ? "" : output.trim(), overwrite, context);
    }
}
