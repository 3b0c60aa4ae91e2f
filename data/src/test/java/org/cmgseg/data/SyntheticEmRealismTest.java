package org.cmgseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic volume looks and behaves like CREMI-style data: measured on one mid-sized volume. */
class SyntheticEmRealismTest {

    private static final VoxelGrid GRID = new VoxelGrid(160, 160, 32);
    private static SyntheticVolume volume;
    private static boolean[] deep;

    @BeforeAll
    static void generate() {
        volume = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(GRID));
        deep = VolumeMeasures.deepInside(GRID, volume.labels());
    }

    private static VolumeMeasures.FaceStatistics faces(SyntheticVolume of, int channel) {
        return VolumeMeasures.FaceStatistics.of(of, deep, channel);
    }

    @Test
    void resolutionIsCremis() {
        assertArrayEquals(new double[] {40, 4, 4}, volume.resolutionZyx());
    }

    @Test
    void labelsAreDenseAndNumberedByFirstOccurrence() {
        long seen = 0;
        for (long label : volume.labels()) {
            if (label < 1 || label > seen + 1) {
                fail("label " + label + " after only " + seen + " labels occurred");
            }
            seen = Math.max(seen, label);
        }
        long objects = seen;
        assertTrue(objects >= 20, () -> "only " + objects + " objects");
    }

    @Test
    void everyObjectIsOneSixConnectedComponent() {
        int[] components = VolumeMeasures.componentsPerLabel(GRID, volume.labels());
        for (int label = 1; label < components.length; label++) {
            assertEquals(1, components[label], "components of object " + label);
        }
    }

    @Test
    void objectsAreElongatedAlongZ() {
        int[][] boxes = VolumeMeasures.boundingBoxes(GRID, volume.labels());
        int[] zExtents = new int[boxes.length - 1];
        for (int label = 1; label < boxes.length; label++) {
            zExtents[label - 1] = boxes[label][1] - boxes[label][0] + 1;
        }
        Arrays.sort(zExtents);
        int median = zExtents[zExtents.length / 2];
        assertTrue(median >= GRID.sizeZ() / 2, () -> "median z extent " + median + " of " + GRID.sizeZ() + " slices");
    }

    @Test
    void someObjectsRunAlongTheSections() {
        int[][] boxes = VolumeMeasures.boundingBoxes(GRID, volume.labels());
        long flat = 0;
        for (int label = 1; label < boxes.length; label++) {
            int[] box = boxes[label];
            double depthNm = (box[1] - box[0] + 1) * 40.0;
            double widthNm = Math.hypot(box[3] - box[2] + 1, box[5] - box[4] + 1) * 4.0;
            flat += widthNm >= 200 && widthNm > 1.5 * depthNm ? 1 : 0;
        }
        long found = flat;
        assertTrue(found >= 2, () -> found + " objects are much wider in the section plane than deep");
    }

    @Test
    void crossSectionsHaveVariedSizes() {
        List<Integer> areas = new ArrayList<>();
        int sliceSize = GRID.sizeX() * GRID.sizeY();
        int[] area = new int[(int) VolumeMeasures.maxLabel(volume.labels()) + 1];
        for (int z = 0; z < GRID.sizeZ(); z++) {
            Arrays.fill(area, 0);
            for (int i = 0; i < sliceSize; i++) {
                area[(int) volume.labels()[z * sliceSize + i]]++;
            }
            for (int a : area) {
                if (a > 0) {
                    areas.add(a);
                }
            }
        }
        areas.sort(null);
        int small = areas.get(areas.size() / 10);
        int large = areas.get(areas.size() * 9 / 10);
        assertTrue(large >= 4 * small, () -> "profile areas from " + small + " to " + large + " pixels (10th to 90th percentile)");
        double perSection = areas.size() / (double) GRID.sizeZ();
        assertTrue(perSection >= 15, () -> perSection + " profiles per section");
    }

    @Test
    void membranesAreDarkerThanCytoplasm() {
        boolean[] membrane = VolumeMeasures.onMembrane(GRID, volume.labels());
        double onMembrane = 0;
        double inside = 0;
        long membraneVoxels = 0;
        long insideVoxels = 0;
        for (int v = 0; v < membrane.length; v++) {
            int grey = volume.raw()[v] & 0xFF;
            if (membrane[v]) {
                onMembrane += grey;
                membraneVoxels++;
            } else if (deep[v]) {
                inside += grey;
                insideVoxels++;
            }
        }
        double meanMembrane = onMembrane / membraneVoxels;
        double meanInside = inside / insideVoxels;
        assertTrue(meanInside - meanMembrane >= 50, () -> "membranes " + meanMembrane + ", inside objects " + meanInside);
    }

    @Test
    void affinitiesFollowTheRecipeFromTheBoundaryMap() {
        for (float p : volume.boundary()) {
            assertTrue(p >= 0 && p <= 1, () -> "boundary probability " + p);
        }
        assertArrayEquals(AffinityGraph.fromBoundaryMap(GRID, volume.boundary()).values(), volume.affinities().values());
    }

    @Test
    void affinitiesAreHighInsideObjectsAndLowAcrossBoundaries() {
        for (int c = 0; c < AffinityGraph.CHANNELS; c++) {
            VolumeMeasures.FaceStatistics faces = faces(volume, c);
            assertTrue(faces.meanInside() > 0.7 && faces.meanAcross() < 0.2, "channel " + c + ": " + faces);
        }
    }

    @Test
    void affinitiesAcrossSectionsAreLessReliable() {
        double alongZ = faces(volume, 0).separation();
        double alongY = faces(volume, 1).separation();
        double alongX = faces(volume, 2).separation();
        assertTrue(alongZ < alongY && alongZ < alongX, () -> "inside minus across: z " + alongZ + ", y " + alongY + ", x " + alongX);
    }

    @Test
    void membraneGapsAndFalseBoundariesOccurAndComeFromTheDefects() {
        SyntheticVolume flawless = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(GRID).withDefects(0, 0));
        assertArrayEquals(volume.labels(), flawless.labels(), "defects are mistakes of the prediction, not of the ground truth");
        assertArrayEquals(volume.raw(), flawless.raw(), "defects are mistakes of the prediction, not of the image");
        double gaps = 0;
        double falseBoundaries = 0;
        double flawlessGaps = 0;
        double flawlessFalseBoundaries = 0;
        for (int c = 0; c < AffinityGraph.CHANNELS; c++) {
            VolumeMeasures.FaceStatistics faces = faces(volume, c);
            VolumeMeasures.FaceStatistics flawlessFaces = faces(flawless, c);
            gaps += faces.gapShare() / 3;
            falseBoundaries += faces.falseBoundaryShare() / 3;
            flawlessGaps += flawlessFaces.gapShare() / 3;
            flawlessFalseBoundaries += flawlessFaces.falseBoundaryShare() / 3;
        }
        String shares = "gap share " + gaps + " (" + flawlessGaps + " without defects), false boundary share " + falseBoundaries + " ("
                + flawlessFalseBoundaries + " without defects)";
        assertTrue(gaps >= 0.005 && falseBoundaries >= 0.001, shares);
        assertTrue(gaps >= 2 * flawlessGaps && falseBoundaries >= 2 * flawlessFalseBoundaries, shares);
    }
}
