package org.cmgseg.fiji;

import ij.ImagePlus;
import java.io.IOException;
import org.cmgseg.core.RunContext;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Open Volume for ImageJ2/Fiji scripts: a dataset by its address as {@link OpenVolume} opens it. */
@Plugin(type = Command.class, headless = true, label = "Open Volume")
public final class OpenVolumeCommand extends LibraryCommand {

    @Parameter(description = "PATH.n5:/dataset, PATH.zarr:/dataset, PATH.h5:/dataset or PATH.tif")
    private String address;

    @Parameter(required = false, description = "MB above which the volume is a virtual stack, read slice by slice")
    private double virtualAbove = OpenVolume.VIRTUAL_ABOVE_MB;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus image;

    @Override
    void run(RunContext context) throws IOException {
        image = OpenVolume.open(Library.address(address.trim()), virtualAbove, context);
    }
}
