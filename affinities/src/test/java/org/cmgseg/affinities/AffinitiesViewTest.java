package org.cmgseg.affinities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.VoxelGrid;
import org.junit.jupiter.api.Test;

class AffinitiesViewTest {

    /** The definition, voxel by voxel: aff_k(v) = same non-zero label at v and v + offset_k, 0 outside. */
    private static float[] bruteForce(long[] labels, VoxelGrid g, int[][] offsets) {
        float[] out = new float[labels.length * offsets.length];
        for (int k = 0; k < offsets.length; k++) {
            for (int z = 0; z < g.sizeZ(); z++) {
                for (int y = 0; y < g.sizeY(); y++) {
                    for (int x = 0; x < g.sizeX(); x++) {
                        int nz = z + offsets[k][0];
                        int ny = y + offsets[k][1];
                        int nx = x + offsets[k][2];
                        boolean inside = nz >= 0 && ny >= 0 && nx >= 0 && nz < g.sizeZ() && ny < g.sizeY() && nx < g.sizeX();
                        long a = labels[g.index(x, y, z)];
                        out[k * labels.length + g.index(x, y, z)] = inside && a != 0 && a == labels[g.index(nx, ny, nz)] ? 1 : 0;
                    }
                }
            }
        }
        return out;
    }

    @Property(tries = 50)
    void anyRegionEqualsTheDefinition(@ForAll @IntRange(min = 0, max = 1000) int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        VoxelGrid g = new VoxelGrid(2 + random.nextInt(7), 2 + random.nextInt(7), 2 + random.nextInt(5));
        long[] labels = new long[(int) g.voxels()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(3);
        }
        int[][] offsets = {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}, {-2, 0, 0}, {0, 3, -1}};
        float[] expected = bruteForce(labels, g, offsets);
        Dataset view = AffinitiesView.ofLabels(new ArrayDataset(g.dimensions(), DataType.UINT64, labels), offsets, "labels");
        assertArrayEquals(expected, (float[]) view.readAll());
        long[] off = {random.nextInt(g.sizeX()), random.nextInt(g.sizeY()), random.nextInt(g.sizeZ()), random.nextInt(5)};
        int[] size = {1 + random.nextInt(g.sizeX() - (int) off[0]), 1 + random.nextInt(g.sizeY() - (int) off[1]),
                1 + random.nextInt(g.sizeZ() - (int) off[2]), 1 + random.nextInt(5 - (int) off[3])};
        float[] region = (float[]) view.read(off, size);
        float[] cut = (float[]) new ArrayDataset(new long[] {g.sizeX(), g.sizeY(), g.sizeZ(), 5}, DataType.FLOAT32, expected).read(off, size);
        assertArrayEquals(cut, region);
    }

    @Test
    void nearestNeighboursEqualTheInMemoryGraph() throws IOException {
        VoxelGrid g = new VoxelGrid(9, 7, 5);
        SplittableRandom random = new SplittableRandom(3);
        long[] labels = random.longs(g.voxels(), 0, 4).toArray();
        float[] boundary = new float[labels.length];
        for (int i = 0; i < boundary.length; i++) {
            boundary[i] = random.nextFloat();
        }
        assertArrayEquals(AffinityGraph.fromLabels(g, labels).values(),
                (float[]) AffinitiesView.ofLabels(new ArrayDataset(g.dimensions(), DataType.UINT64, labels), AffinitiesView.NEAREST, "l").readAll());
        assertArrayEquals(AffinityGraph.fromBoundaryMap(g, boundary).values(),
                (float[]) AffinitiesView.ofBoundaryMap(new ArrayDataset(g.dimensions(), DataType.FLOAT32, boundary), AffinitiesView.NEAREST,
                        NonFinitePolicy.FAIL, "b")
                        .readAll());
    }

    @Test
    void rejectsWhatIsNotAVolumeOfTheRightKind() {
        Dataset floats = new ArrayDataset(new long[] {2, 2, 2}, DataType.FLOAT32, new float[8]);
        assertEquals("labels.n5:/x is float32; expected integer labels",
                assertThrows(IllegalArgumentException.class, () -> AffinitiesView.ofLabels(floats, AffinitiesView.NEAREST, "labels.n5:/x")).getMessage());
        Dataset flat = new ArrayDataset(new long[] {4, 2}, DataType.UINT8, new byte[8]);
        assertEquals("p.h5:/p has shape (2, 4); expected a 3D volume (z, y, x)",
                assertThrows(IllegalArgumentException.class, () -> AffinitiesView.ofLabels(flat, AffinitiesView.NEAREST, "p.h5:/p")).getMessage());
    }
}
