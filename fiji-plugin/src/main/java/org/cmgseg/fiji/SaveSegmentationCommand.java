package org.cmgseg.fiji;

import ij.ImagePlus;
import java.io.IOException;
import org.cmgseg.core.RunContext;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Save Segmentation for ImageJ2/Fiji scripts: a label image as a uint64 dataset, as {@link SaveSegmentation} writes it. */
@Plugin(type = Command.class, headless = true, label = "Save Segmentation")
public final class SaveSegmentationCommand extends LibraryCommand {

    @Parameter(description = "whole numbers from 0 to 2^24")
    private ImagePlus image;

    @Parameter(description = "PATH.n5:/dataset, PATH.zarr:/dataset or PATH.h5:/dataset")
    private String address;

    @Parameter(required = false, persist = false)
    private boolean overwrite;

    @Override
    void run(RunContext context) throws IOException {
        SaveSegmentation.save(image, address.trim(), overwrite);
    }
}
