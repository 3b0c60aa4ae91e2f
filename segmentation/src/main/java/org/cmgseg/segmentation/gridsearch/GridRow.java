package org.cmgseg.segmentation.gridsearch;

import com.google.gson.JsonObject;
import org.cmgseg.segmentation.evaluate.CremiScores;

/** One cell of the grid: a curve, merge function, queue and threshold, and the CREMI scores of its segmentation. */
public record GridRow(GridCurve curve, String mergeFunction, String queue, double threshold, CremiScores scores, long segments) {

    /** The row's configuration and scores (mu and I only for a CMG curve). */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        if (!curve.isBaseline()) {
            json.addProperty("mu", curve.mu());
            json.addProperty("I", curve.inflection());
        }
        json.addProperty("merge_function", mergeFunction);
        json.addProperty("queue", queue);
        json.addProperty("threshold", threshold);
        json.addProperty("voi_split", scores.voiSplit());
        json.addProperty("voi_merge", scores.voiMerge());
        json.addProperty("adapted_rand", scores.adaptedRand());
        json.addProperty("cremi_score", scores.cremiScore());
        json.addProperty("n_segments", segments);
        return json;
    }
}
