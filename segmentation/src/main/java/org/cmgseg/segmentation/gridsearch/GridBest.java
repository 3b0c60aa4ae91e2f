package org.cmgseg.segmentation.gridsearch;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The best (lowest CREMI score) baseline row and the best CMG row, and the relative improvement
 * {@code (baseline - cmg) / baseline} of the CREMI score (positive when CMG is better; NaN when the
 * baseline scores 0).
 */
public record GridBest(GridRow baseline, GridRow cmg) {

    public double relativeImprovement() {
        double b = baseline.scores().cremiScore();
        return b == 0 ? Double.NaN : (b - cmg.scores().cremiScore()) / b;
    }

    /** The better of the two (the baseline on a tie). */
    public GridRow overall() {
        return cmg.scores().cremiScore() < baseline.scores().cremiScore() ? cmg : baseline;
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("criterion", "lowest cremi_score");
        json.add("baseline", baseline.toJson());
        json.add("cmg", cmg.toJson());
        double improvement = relativeImprovement();
        json.add("relative_improvement", Double.isFinite(improvement) ? new JsonPrimitive(improvement) : JsonNull.INSTANCE);
        return json;
    }
}
