package org.cmgseg.segmentation.merge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The contact area of every edge: the number of voxel faces between its two regions (merged edges add
 * up). Not a score of its own; the agglomeration carries it along for the remaining graph.
 */
public final class ContactArea implements EdgeStatistic {

    private final long[] faces;

    public ContactArea(int edges) {
        faces = new long[edges];
    }

    /** The areas of edges whose faces lie in consecutive runs: edge e has {@code start[e + 1] - start[e]} of them. */
    public static ContactArea ofRuns(int[] start) {
        ContactArea area = new ContactArea(start.length - 1);
        for (int e = 0; e < area.faces.length; e++) {
            area.faces[e] = start[e + 1] - start[e];
        }
        return area;
    }

    @Override
    public void add(int edge, float affinity) {
        faces[edge]++;
    }

    @Override
    public boolean merge(int from, int to) {
        faces[to] += faces[from];
        return faces[from] != 0;
    }

    @Override
    public float value(int edge) {
        return faces[edge];
    }

    @Override
    public void writeState(int edge, DataOutput out) throws IOException {
        out.writeLong(faces[edge]);
    }

    @Override
    public void readState(int edge, DataInput in) throws IOException {
        faces[edge] = in.readLong();
    }

    /** The exact count ({@link #value} rounds above 2^24). */
    public long area(int edge) {
        return faces[edge];
    }
}
