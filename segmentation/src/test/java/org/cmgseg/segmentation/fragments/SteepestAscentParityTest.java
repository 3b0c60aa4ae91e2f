package org.cmgseg.segmentation.fragments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.Progress;
import org.cmgseg.core.RunContext;
import org.cmgseg.segmentation.WaterzReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** waterz's own fragments of every affinity variant, voxel for voxel. */
class SteepestAscentParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"affinities", "affinities_cmg_mu0.3_I0.5", "affinities_cmg_mu0.8_I0.2"})
    void fragmentsEqualWaterzBitForBit(String variant) throws IOException {
        long[] expected = WaterzReference.fragments(variant);
        Fragments fragments = SteepestAscentWatershed.compute(AffinitySource.of(WaterzReference.affinities(variant)),
                FragmentMethod.WATERZ_LOW, FragmentMethod.WATERZ_HIGH, RunContext.of(2, Progress.NONE));
        assertEquals(2382, fragments.count());
        long[] actual = new long[expected.length];
        for (int v = 0; v < actual.length; v++) {
            actual[v] = fragments.ids()[v];
        }
        assertArrayEquals(expected, actual, variant);
    }
}
