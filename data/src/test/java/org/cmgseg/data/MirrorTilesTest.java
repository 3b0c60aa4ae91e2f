package org.cmgseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

/** A mirror-tiled volume against numpy-style tiling built copy by copy, and its affinities against the tiled boundary's. */
class MirrorTilesTest {

    private static final VoxelGrid GRID = new VoxelGrid(21, 18, 6);
    private static final SyntheticVolume VOLUME = SyntheticEm.generate(SyntheticParameters.defaults().withGrid(GRID).withSeed(3));
    /** x, y, z: three copies along x (the middle one flipped), two along y and z. */
    private static final int[] TILES = {3, 2, 2};
    private static final VoxelGrid TILED = new VoxelGrid(63, 36, 12);

    @Test
    void rawLabelsAndBoundaryAreTheCopiesEveryOtherOneFlipped() {
        MirrorTiles tiles = new MirrorTiles(VOLUME, TILES);
        assertArrayEquals(new long[] {63, 36, 12}, tiles.dimensions());
        long[] labels = VOLUME.labels();
        long[] expected = new long[(int) TILED.voxels()];
        float[] expectedBoundary = new float[expected.length];
        for (int tz = 0; tz < TILES[2]; tz++) {
            for (int ty = 0; ty < TILES[1]; ty++) {
                for (int tx = 0; tx < TILES[0]; tx++) {
                    for (int z = 0; z < GRID.sizeZ(); z++) {
                        for (int y = 0; y < GRID.sizeY(); y++) {
                            for (int x = 0; x < GRID.sizeX(); x++) {
                                int from = GRID.index(tx % 2 == 1 ? GRID.sizeX() - 1 - x : x, ty % 2 == 1 ? GRID.sizeY() - 1 - y : y,
                                        tz % 2 == 1 ? GRID.sizeZ() - 1 - z : z);
                                int to = TILED.index(tx * GRID.sizeX() + x, ty * GRID.sizeY() + y, tz * GRID.sizeZ() + z);
                                expected[to] = labels[from];
                                expectedBoundary[to] = VOLUME.boundary()[from];
                            }
                        }
                    }
                }
            }
        }
        long[] whole = {0, 0, 0};
        int[] size = {63, 36, 12};
        assertArrayEquals(expected, tiles.labels(whole, size));
        assertArrayEquals(expectedBoundary, tiles.boundary(whole, size));
        byte[] raw = tiles.raw(whole, size);
        // x 21, y 35 and z 6 lie in flipped copies: x 20, y 0 and z 5 of the volume
        assertEquals(VOLUME.raw()[GRID.index(20, 0, 5)], raw[TILED.index(21, 35, 6)]);
        assertArrayEquals(AffinityGraph.fromBoundaryMap(TILED, expectedBoundary).values(), tiles.affinities(new long[4], new int[] {63, 36, 12, 3}),
                "across every seam the affinities are what the mirrored boundary implies");
    }

    @Test
    void aRegionIsThatPartOfTheWhole() {
        MirrorTiles tiles = new MirrorTiles(VOLUME, TILES);
        float[] whole = tiles.affinities(new long[4], new int[] {63, 36, 12, 3});
        long[] offset = {16, 10, 4, 1};
        int[] size = {16, 16, 4, 2};
        float[] region = tiles.affinities(offset, size);
        float[] expected = new float[region.length];
        int i = 0;
        for (int c = 0; c < size[3]; c++) {
            for (int z = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        expected[i++] = whole[(int) ((offset[3] + c) * TILED.voxels()) + TILED.index(16 + x, 10 + y, 4 + z)];
                    }
                }
            }
        }
        assertArrayEquals(expected, region);
    }

    @Test
    void oneTileIsTheVolumeAsGenerated() {
        MirrorTiles tiles = new MirrorTiles(VOLUME, new int[] {1, 1, 1});
        int[] size = {21, 18, 6};
        assertArrayEquals(VOLUME.raw(), tiles.raw(new long[3], size));
        assertArrayEquals(VOLUME.labels(), tiles.labels(new long[3], size));
        assertArrayEquals(VOLUME.affinities().values(), tiles.affinities(new long[4], new int[] {21, 18, 6, 3}));
    }

    @Test
    void tilesAreCountsOfOneOrMore() {
        assertThrows(IllegalArgumentException.class, () -> new MirrorTiles(VOLUME, new int[] {1, 0, 1}));
    }
}
