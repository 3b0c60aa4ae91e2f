package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import org.cmgseg.core.AffinityGraph;
import org.junit.jupiter.api.Test;

/** Affinity images are read as the command line reads affinity files. */
class ImagesTest {

    @Test
    void eightBitAffinitiesAreReadAsValueOver255() throws Exception {
        ImagePlus image = hyperstack(8);
        image.getStack().getProcessor(image.getStackIndex(2, 2, 1)).set(1, 0, 255);
        image.getStack().getProcessor(image.getStackIndex(3, 1, 1)).set(0, 1, 51);
        AffinityGraph graph = Images.affinities(image);
        assertEquals(1f, graph.get(1, 1, 0, 1));
        assertEquals(51 / 255.0, graph.get(2, 0, 1, 0), 1e-7);
        assertEquals(0f, graph.get(0, 0, 0, 0));
    }

    @Test
    void aNaNIsRefusedNamingTheImageAndWhere() {
        ImagePlus image = hyperstack(32);
        image.getStack().getProcessor(image.getStackIndex(2, 1, 1)).setf(0, 1, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.affinities(image));
        assertTrue(e.getMessage().startsWith("affs holds NaN at [1, 0, 1, 0]"), e.getMessage());
    }

    @Test
    void valuesOutsideZeroToOneAreRefused() {
        ImagePlus image = hyperstack(32);
        image.getStack().getProcessor(image.getStackIndex(1, 2, 1)).setf(1, 1, 2.5f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.affinities(image));
        assertTrue(e.getMessage().startsWith("affs holds values from 0.0 to 2.5"), e.getMessage());
    }

    /** Affinities (3 channels, 2 slices of 2 x 2), all 0. */
    private static ImagePlus hyperstack(int bitDepth) {
        return IJ.createHyperStack("affs", 2, 2, 3, 2, 1, bitDepth);
    }
}
