package org.cmgseg.spark;

import java.io.IOException;
import java.io.Serializable;
import org.cmgseg.cmg.CmgTransform;

/**
 * The affinities every stage's tasks read, a block at a time: as stored ({@code cmg} null) or soft-thresholded by the
 * CMG stage's curve on the volume's range [xmin, xmax], element by element as {@code cmgseg transform} does (so bit for bit
 * what segment reads from a transformed volume).
 */
record BlockAffinities(String address, CmgStage cmg, double xmin, double xmax) implements Serializable {

    static BlockAffinities asStored(String address) {
        return new BlockAffinities(address, null, 0, 0);
    }

    /** Channel slowest, then z, y, x. */
    float[] read(Block block) throws IOException {
        float[] values = BlockReads.affinities(address, block);
        if (cmg != null) {
            new CmgTransform(cmg.curve(xmin, xmax), 1).apply(values);
        }
        return values;
    }
}
