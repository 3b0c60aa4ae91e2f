package org.cmgseg.segmentation.gridsearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.segmentation.merge.MergeFunctions;

/**
 * The grid: CMG inflection rates mu and inflection points I (every pair is a curve, and the
 * untransformed baseline is always included), merge functions (by the names the results show), one
 * queue, and thresholds. mu, I and thresholds are sorted, without duplicates, each in [0, 1].
 */
public record GridSpec(double[] mus, double[] inflections, List<String> mergeFunctions, QueueType queue, double[] thresholds) {

    /** The CMG paper's merge functions. */
    public static final List<String> PAPER_MERGE_FUNCTIONS = List.of("median_aff_histograms", "85_aff_histograms", "median_aff", "85_aff",
            "max_10");

    public GridSpec {
        mus = axis(mus, "mu");
        inflections = axis(inflections, "I");
        thresholds = axis(thresholds, "thresholds");
        mergeFunctions = mergeFunctions.stream().map(String::strip).toList();
        if (mergeFunctions.isEmpty()) {
            throw new IllegalArgumentException("no merge function given; known: " + MergeFunctions.KNOWN);
        }
        Set<String> seen = new HashSet<>();
        for (String name : mergeFunctions) {
            MergeFunctions.parse(name);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("merge function '" + name + "' is given twice");
            }
        }
    }

    private static double[] axis(double[] values, String name) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no value given for " + name);
        }
        for (double v : values) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(name + " values must be in [0, 1], got " + v);
            }
        }
        return DoubleStream.of(values).sorted().distinct().toArray();
    }

    /** The baseline first, then every (mu, I), mu slowest: the order of the results. */
    public List<GridCurve> curves() {
        List<GridCurve> curves = new ArrayList<>();
        curves.add(GridCurve.BASELINE);
        for (double mu : mus) {
            for (double inflection : inflections) {
                curves.add(new GridCurve(mu, inflection));
            }
        }
        return curves;
    }

    public MergeFunction mergeFunction(int index) {
        return MergeFunctions.parse(mergeFunctions.get(index));
    }

    /** Rows per curve: one per merge function and threshold. */
    public int rowsPerCurve() {
        return mergeFunctions.size() * thresholds.length;
    }

    @Override
    public double[] mus() {
        return mus.clone();
    }

    @Override
    public double[] inflections() {
        return inflections.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.add("mu", array(mus));
        json.add("I", array(inflections));
        JsonArray functions = new JsonArray();
        mergeFunctions.forEach(functions::add);
        json.add("merge_functions", functions);
        json.addProperty("queue", queue.name());
        json.add("thresholds", array(thresholds));
        return json;
    }

    private static JsonArray array(double[] values) {
        JsonArray array = new JsonArray();
        for (double v : values) {
            array.add(v);
        }
        return array;
    }
}
