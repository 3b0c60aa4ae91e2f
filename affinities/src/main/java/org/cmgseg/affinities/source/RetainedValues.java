package org.cmgseg.affinities.source;

import java.util.ArrayList;
import java.util.List;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;

/**
 * The slabs of one pass over an affinity volume, kept losslessly as {@link SlabCodes} of one dictionary of the
 * volume's distinct values: about a byte a value when the volume has a few hundred of them (quantised
 * predictions, uint8 data), two bytes when it has up to 65536; a quarter or half of their float32 size.
 * Slabs are kept in order from z = 0, in the layout they are read in. A volume with more distinct values
 * ends the attempt at the first value that does not fit, and what was kept is dropped.
 */
final class RetainedValues {

    /** Values looked up before a slab is encoded: enough to fill the dictionary if they are continuous. */
    private static final int FIRST_LOOK = 1 << 17;

    private final int slice;
    private final int sizeZ;
    private final ValueDictionary dictionary = new ValueDictionary();
    /** Per slab kept: its codes and the slice after its last. */
    private final List<SlabCodes> slabs = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    /** Whether the last slab kept needed two bytes a value: the next then does not try one. */
    private boolean wide;
    private boolean failed;
    private float[] table;

    RetainedValues(VoxelGrid grid) {
        this.slice = grid.sizeX() * grid.sizeY();
        this.sizeZ = grid.sizeZ();
    }

    /**
     * Keeps slices [z0, z1), the slab after the last one kept, whose channel c, slice z is at
     * {@code values[(c * (z1 - z0) + z - z0) * slice]}; returns false, having dropped everything kept, when
     * its values do not fit the codes.
     */
    boolean keep(float[] values, int z0, int z1, RunContext context) {
        if (failed) {
            return false;
        }
        int length = AffinityGraph.CHANNELS * (z1 - z0) * slice;
        SlabCodes slab = null;
        if (SlabCodes.fit(values, Math.min(length, FIRST_LOOK), dictionary)) {
            slab = wide ? null : SlabCodes.narrow(values, length, dictionary, context);
            if (slab == null && !dictionary.full()) {
                wide = true;
                slab = SlabCodes.wide(values, length, dictionary, context);
            }
        }
        if (slab == null) {
            failed = true;
            slabs.clear();
            ends.clear();
            return false;
        }
        slabs.add(slab);
        ends.add(z1);
        return true;
    }

    /** Whether every slice of the volume is kept. */
    boolean complete() {
        return !failed && !ends.isEmpty() && ends.get(ends.size() - 1) == sizeZ;
    }

    /** Slices [z0, z1) of a complete volume into {@code out}, in the layout of a slab read from the dataset. */
    void decode(int z0, int z1, float[] out, RunContext context) {
        if (table == null) {
            table = dictionary.values();
        }
        float[] values = table;
        int depth = z1 - z0;
        for (int s = 0; s < slabs.size(); s++) {
            int s0 = s == 0 ? 0 : ends.get(s - 1);
            int s1 = ends.get(s);
            int from = Math.max(z0, s0);
            int to = Math.min(z1, s1);
            if (from >= to) {
                continue;
            }
            SlabCodes slab = slabs.get(s);
            for (int c = 0; c < AffinityGraph.CHANNELS; c++) {
                int source = (c * (s1 - s0) + from - s0) * slice;
                int target = (c * depth + from - z0) * slice;
                context.forRange((to - from) * slice, (a, b) -> slab.decode(source + a, out, target + a, b - a, values));
            }
        }
    }
}
