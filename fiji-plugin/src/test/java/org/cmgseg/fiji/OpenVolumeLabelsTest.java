package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.ImagePlus;
import java.nio.file.Path;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.core.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenVolumeLabelsTest {

    @TempDir
    Path folder;

    @Test
    void labelsUpTo2To24StayAsTheyAre() throws Exception {
        ImagePlus image = open(new long[] {0, 1L << 24, 7, 0, 7, 3}, "exact.n5:/labels");
        assertEquals(32, image.getBitDepth());
        float[] expected = {0, 1 << 24, 7, 0, 7, 3};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], image.getStack().getProcessor(i / 3 + 1).getf(i % 3), "voxel " + i);
        }
    }

    @Test
    void largerLabelsAreRenumberedInTheOrderOfTheirFirstVoxel() throws Exception {
        ImagePlus image = open(new long[] {0, -5L, (1L << 24) + 1, 0, 9, -5L}, "large.n5:/labels");
        float[] expected = {0, 1, 2, 0, 3, 1};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], image.getStack().getProcessor(i / 3 + 1).getf(i % 3), "voxel " + i);
        }
    }

    /** Labels (z 2, y 1, x 3) written to an N5 dataset with resolution (40, 4, 4), opened as Open Volume opens them. */
    private ImagePlus open(long[] labels, String name) throws Exception {
        DatasetAddress address = DatasetAddress.parse(folder.resolve(name).toString());
        Library.write(address, labels, DataType.UINT64, new long[] {3, 1, 2}, new double[] {40, 4, 4}, false);
        ImagePlus image = OpenVolume.open(address, 1024, RunContext.sequential());
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getNSlices());
        assertEquals(40, image.getCalibration().pixelDepth);
        return image;
    }
}
