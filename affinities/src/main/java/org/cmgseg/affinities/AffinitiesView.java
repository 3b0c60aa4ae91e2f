package org.cmgseg.affinities;

import java.io.IOException;
import java.util.Arrays;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.core.AffinityGraph;

/**
 * Affinities computed on demand from a 3D volume, as a 4D float32 dataset (x, y, z, channel): any
 * region is computed from the source region it needs (the region shifted by each channel's offset),
 * so a volume of any size is converted block by block.
 *
 * <ul>
 * <li>from labels: 1 where v and v + offset carry the same non-zero label, else 0;</li>
 * <li>from a boundary probability map p (float32, float64 or uint8, in [0, 1]): {@code min(1 - p(v), 1 - p(v + offset))}
 * in float32.</li>
 * </ul>
 * Where v + offset lies outside the volume the affinity is 0. Offsets are given in numpy order
 * (z, y, x); the nearest-neighbour ones, {@link #NEAREST}, give the layout of {@link AffinityGraph}.
 */
public final class AffinitiesView implements Dataset {

    public static final int[][] NEAREST = {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}};

    private final Dataset source;
    private final int[][] offsets;
    private final boolean boundary;
    private final DatasetInfo info;

    private AffinitiesView(Dataset source, int[][] offsets, boolean boundary, String where) {
        DatasetInfo in = source.info();
        if (in.axes() != 3) {
            throw new IllegalArgumentException(where + " has shape " + in.shapeText() + "; expected a 3D volume (z, y, x)");
        }
        if (boundary ? in.dataType() != DataType.FLOAT32 : in.dataType().floating()) {
            throw new IllegalArgumentException(where + " is " + in.dataType().label() + "; expected "
                    + (boundary ? "a float32 boundary probability map" : "integer labels"));
        }
        for (int[] offset : offsets) {
            if (offset.length != 3) {
                throw new IllegalArgumentException("affinity offsets have 3 components (z, y, x), got " + Arrays.toString(offset));
            }
        }
        this.source = source;
        this.offsets = offsets;
        this.boundary = boundary;
        long[] dims = Arrays.copyOf(in.dimensions(), 4);
        dims[3] = offsets.length;
        int[] block = Arrays.copyOf(in.blockSize(), 4);
        block[3] = 1;
        this.info = new DatasetInfo(dims, block, DataType.FLOAT32, Compression.RAW);
    }

    public static AffinitiesView ofLabels(Dataset labels, int[][] offsets, String where) {
        return new AffinitiesView(labels, offsets, false, where);
    }

    /** The boundary map is read as a {@link ProbabilityView}: checked, uint8 and float64 converted. */
    public static AffinitiesView ofBoundaryMap(Dataset boundary, int[][] offsets, NonFinitePolicy policy, String where) {
        return new AffinitiesView(ProbabilityView.of(boundary, policy, where), offsets, true, where);
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public Object read(long[] offset, int[] size) throws IOException {
        int[] spatial = Arrays.copyOf(size, 3);
        int plane = spatial[0] * spatial[1] * spatial[2];
        float[] out = new float[plane * size[3]];
        Object here = source.read(Arrays.copyOf(offset, 3), spatial);
        for (int c = 0; c < size[3]; c++) {
            int[] shift = offsets[(int) offset[3] + c];
            long[] shifted = {offset[0] + shift[2], offset[1] + shift[1], offset[2] + shift[0]};
            Object there = neighbours(shifted, spatial);
            float[] channel = new float[plane];
            valid(shifted, spatial, (i) -> channel[i] = boundary ? Math.min(1f - ((float[]) here)[i], 1f - ((float[]) there)[i])
                    : sameLabel(here, there, i) ? 1f : 0f);
            System.arraycopy(channel, 0, out, c * plane, plane);
        }
        return out;
    }

    private boolean sameLabel(Object a, Object b, int i) {
        DataType type = source.info().dataType();
        return switch (type.bytes()) {
            case 1 -> ((byte[]) a)[i] != 0 && ((byte[]) a)[i] == ((byte[]) b)[i];
            case 2 -> ((short[]) a)[i] != 0 && ((short[]) a)[i] == ((short[]) b)[i];
            case 4 -> ((int[]) a)[i] != 0 && ((int[]) a)[i] == ((int[]) b)[i];
            default -> ((long[]) a)[i] != 0 && ((long[]) a)[i] == ((long[]) b)[i];
        };
    }

    /** The source over a shifted region, with the part outside the volume left zero. */
    private Object neighbours(long[] shifted, int[] size) throws IOException {
        long[] dims = source.info().dimensions();
        long[] from = new long[3];
        int[] inside = new int[3];
        int[] to = new int[3];
        for (int d = 0; d < 3; d++) {
            long start = Math.max(0, shifted[d]);
            long end = Math.min(dims[d], shifted[d] + size[d]);
            if (end <= start) {
                return source.info().dataType().allocate(size[0] * size[1] * size[2]);
            }
            from[d] = start;
            inside[d] = (int) (end - start);
            to[d] = (int) (start - shifted[d]);
        }
        Object part = source.read(from, inside);
        Object full = source.info().dataType().allocate(size[0] * size[1] * size[2]);
        Boxes.copy(part, inside, new int[3], full, size, to, inside);
        return full;
    }

    private interface Body {
        void at(int i);
    }

    /** Visits the voxels of the region whose shifted neighbour lies inside the volume. */
    private void valid(long[] shifted, int[] size, Body body) {
        long[] dims = source.info().dimensions();
        for (int z = 0; z < size[2]; z++) {
            long nz = shifted[2] + z;
            if (nz < 0 || nz >= dims[2]) {
                continue;
            }
            for (int y = 0; y < size[1]; y++) {
                long ny = shifted[1] + y;
                if (ny < 0 || ny >= dims[1]) {
                    continue;
                }
                int row = (z * size[1] + y) * size[0];
                for (int x = 0; x < size[0]; x++) {
                    long nx = shifted[0] + x;
                    if (nx >= 0 && nx < dims[0]) {
                        body.at(row + x);
                    }
                }
            }
        }
    }
}
