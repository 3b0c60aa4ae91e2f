package org.cmgseg.segmentation.gridsearch;

import com.google.gson.JsonObject;
import org.cmgseg.core.VoxelGrid;

/**
 * What the inputs of a grid search gave: the shape, the affinities' value range, the labelled voxels
 * of the ground truth, and the fragments, edges and boundary faces; a resumed run checks that they
 * are still the same.
 */
public record GridSummary(VoxelGrid grid, double xmin, double xmax, long labelledVoxels, int fragments, int edges, int faces) {

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("shape_zyx", grid.toString());
        json.addProperty("xmin", xmin);
        json.addProperty("xmax", xmax);
        json.addProperty("labelled_voxels", labelledVoxels);
        json.addProperty("fragments", fragments);
        json.addProperty("edges", edges);
        json.addProperty("faces", faces);
        return json;
    }
}
