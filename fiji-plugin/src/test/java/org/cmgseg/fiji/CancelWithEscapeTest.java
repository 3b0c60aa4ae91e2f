package org.cmgseg.fiji;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import java.awt.event.KeyEvent;
import org.cmgseg.core.Cancelled;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.data.SyntheticEm;
import org.cmgseg.data.SyntheticParameters;
import org.cmgseg.data.SyntheticVolume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CancelWithEscapeTest {

    private static final SyntheticVolume VOLUME = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(new VoxelGrid(48, 48, 8)));

    @AfterEach
    void releaseEscape() {
        IJ.resetEscape();
    }

    @Test
    void escapeStopsSegmentationAndCancelsTheContext() {
        RunContext context = ImageJProgress.context();
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        assertThrows(Cancelled.class, () -> Library.segment(VOLUME.affinities(), "waterz", "median_aff_histograms", "bins:256",
                new double[] {0.5}, context));
        assertTrue(context.isCancelled());
    }

    @Test
    void withoutEscapeSegmentationRuns() throws Exception {
        RunContext context = ImageJProgress.context();
        assertTrue(Library.segment(VOLUME.affinities(), "waterz", "median_aff_histograms", "bins:256", new double[] {0.5}, context)
                .segmentCount(0) > 0);
    }
}
