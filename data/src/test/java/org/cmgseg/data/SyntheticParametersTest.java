package org.cmgseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

class SyntheticParametersTest {

    @Test
    void withersChangeOnlyTheirKnobs() {
        SyntheticParameters defaults = SyntheticParameters.defaults();
        VoxelGrid grid = new VoxelGrid(10, 20, 30);
        SyntheticParameters changed = defaults.withGrid(grid).withSeed(99).withDefects(1, 2);
        assertEquals(new SyntheticParameters(grid, 99, defaults.thinRadiusNm(), defaults.thickRadiusNm(), defaults.thickFraction(),
                defaults.obliqueFraction(), defaults.mitochondriaPerMicron(), 1, 2, defaults.rawNoise(), defaults.predictionNoise()), changed);
    }

    @Test
    void rejectsImpossibleKnobs() {
        SyntheticParameters d = SyntheticParameters.defaults();
        assertThrows(IllegalArgumentException.class, () -> new SyntheticParameters(d.grid(), 1, 0, 150, 0.2, 0.1, 0.1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticParameters(d.grid(), 1, 50, Double.NaN, 0.2, 0.1, 0.1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticParameters(d.grid(), 1, 50, 150, 1.5, 0.1, 0.1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> d.withDefects(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticParameters(d.grid(), 1, 50, 150, 0.2, 0.1, 0.1, 1, 1, -2, 1));
    }
}
