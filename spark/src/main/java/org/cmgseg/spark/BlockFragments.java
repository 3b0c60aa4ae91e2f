package org.cmgseg.spark;

import java.io.IOException;
import org.cmgseg.affinities.source.AffinitySource;
import org.cmgseg.core.AffinityGraph;
import org.cmgseg.core.RunContext;
import org.cmgseg.core.VoxelGrid;
import org.cmgseg.segmentation.SegmentationPipeline;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.fragments.Fragments;

/**
 * The fragments of one block: the library's watershed runs on the block grown by a halo (so that it sees the affinities
 * around the block), and only the block's own voxels keep their fragment, so every voxel of the volume gets exactly one.
 * A fragment's label is {@code block number << LOCAL_BITS | local id}, local ids numbered 1, 2, ... in the watershed's
 * order among the block's fragments: unique across blocks without any coordination, and for a block at the origin
 * covering the volume the watershed's own ids.
 */
final class BlockFragments {

    /** Room for 2^32 - 1 fragments in a block (more than a block's Java arrays can hold voxels) and 2^32 blocks. */
    static final int LOCAL_BITS = 32;

    private BlockFragments() {
    }

    /** The block's uint64 labels (z, y, x), 0 where the watershed leaves background. */
    static long[] of(BlockAffinities affinities, FragmentMethod method, Block block, int halo, long[] volume) throws IOException {
        Block context = block.grown(halo, volume);
        int[] size = context.size();
        AffinityGraph graph = new AffinityGraph(VoxelGrid.ofShape(size[2], size[1], size[0]), affinities.read(context));
        Fragments fragments = SegmentationPipeline.fragments(method, AffinitySource.of(graph), RunContext.sequential());
        return labels(fragments, context, block);
    }

    /** The part of the context's fragments that lies in the block, renumbered 1, 2, ... in the order of their ids. */
    static long[] labels(Fragments fragments, Block context, Block block) {
        int[] ids = fragments.ids();
        int[] local = new int[fragments.count() + 1];
        int[] inner = inner(context, block);
        for (int i = 0; i < inner.length; i++) {
            local[ids[inner[i]]] = 1;
        }
        int next = 0;
        for (int id = 1; id < local.length; id++) {
            local[id] = local[id] == 0 ? 0 : ++next;
        }
        long base = (long) block.number() << LOCAL_BITS;
        long[] labels = new long[inner.length];
        for (int i = 0; i < inner.length; i++) {
            int id = ids[inner[i]];
            labels[i] = id == 0 ? 0 : base | local[id];
        }
        return labels;
    }

    /** For every voxel of the block in raster order, its index in the context around it. */
    private static int[] inner(Block context, Block block) {
        int cx = context.size()[0];
        int cy = context.size()[1];
        int[] lower = new int[3];
        for (int d = 0; d < 3; d++) {
            lower[d] = (int) (block.offset()[d] - context.offset()[d]);
        }
        int[] inner = new int[block.voxels()];
        int i = 0;
        for (int z = 0; z < block.size()[2]; z++) {
            for (int y = 0; y < block.size()[1]; y++) {
                int row = ((z + lower[2]) * cy + y + lower[1]) * cx + lower[0];
                for (int x = 0; x < block.size()[0]; x++) {
                    inner[i++] = row + x;
                }
            }
        }
        return inner;
    }
}
