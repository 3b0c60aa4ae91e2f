package org.cmgseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

/** Any size works, down to a single voxel, and the invariants hold at every size. */
class SyntheticEmSizesTest {

    @Property(tries = 12)
    void invariantsHoldForAnySize(@ForAll @IntRange(min = 1, max = 9) int sizeZ, @ForAll @IntRange(min = 1, max = 70) int sizeY,
                                  @ForAll @IntRange(min = 1, max = 70) int sizeX, @ForAll long seed) {
        VoxelGrid grid = new VoxelGrid(sizeX, sizeY, sizeZ);
        SyntheticVolume volume = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(grid).withSeed(seed));
        int voxels = sizeX * sizeY * sizeZ;
        assertEquals(grid, volume.grid());
        assertEquals(voxels, volume.raw().length);
        assertEquals(voxels, volume.labels().length);
        assertEquals(voxels, volume.boundary().length);
        assertEquals(AffinityGraph.CHANNELS * voxels, volume.affinities().values().length);
        int[] components = VolumeMeasures.componentsPerLabel(grid, volume.labels());
        for (int label = 1; label < components.length; label++) {
            assertEquals(1, components[label], "components of object " + label);
        }
        for (float affinity : volume.affinities().values()) {
            assertTrue(affinity >= 0 && affinity <= 1, "affinity " + affinity);
        }
    }

    @Test
    void defaultIsSixtyFourByTwoHundredFiftySixSquared() {
        assertEquals(new VoxelGrid(256, 256, 64), SyntheticParameters.defaults().grid());
    }
}
