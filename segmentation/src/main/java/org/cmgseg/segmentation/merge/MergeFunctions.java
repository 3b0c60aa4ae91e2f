package org.cmgseg.segmentation.merge;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of merge functions. Every score is {@code 1 - statistic}. Accepted:
 * <ul>
 * <li>the CMG paper's (waterz) names: {@code mean}, {@code max_10} (any {@code max_K}), {@code median_aff},
 * {@code 85_aff} (any {@code Q_aff}), {@code median_aff_histograms}, {@code 85_aff_histograms} (any
 * {@code Q_aff_histograms}), and {@code max}, {@code min};</li>
 * <li>lsd's names: {@code hist_quant_Q} (256-bin histogram of all affinities) and
 * {@code hist_quant_Q_initmax} (of each original edge's largest);</li>
 * <li>the general form, which is also the canonical name of each function:
 * {@code mean}, {@code max}, {@code min}, {@code top:K} (mean of the K largest),
 * {@code quantile:Q[:maxinit|:all]} (exact), {@code histogram:Q[:bins=B][:maxinit|:all]}, where Q is a
 * percentage from 0 to 100, B defaults to 256, and {@code maxinit} (the default, waterz's
 * "init with max") lets each original edge contribute only its largest affinity while {@code all}
 * pools every voxel-face affinity.</li>
 * </ul>
 */
public final class MergeFunctions {

    public static final String KNOWN = "mean, max, min, max_10 (any max_K), median_aff, 85_aff (any Q_aff), "
            + "median_aff_histograms, 85_aff_histograms (any Q_aff_histograms), hist_quant_Q, hist_quant_Q_initmax, "
            + "or the general form top:K, quantile:Q[:maxinit|:all], histogram:Q[:bins=B][:maxinit|:all]";

    /** The named merge functions a front end offers as choices, the default first. */
    public static final List<String> NAMED = List.of("median_aff_histograms", "85_aff_histograms", "median_aff", "85_aff", "max_10",
            "mean", "max", "min", "hist_quant_50", "hist_quant_50_initmax", "hist_quant_75", "hist_quant_75_initmax");

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern MAX_K = Pattern.compile("max_(\\d+)");
    private static final Pattern Q_AFF = Pattern.compile("(median|" + NUMBER + ")_aff(_histograms)?");
    private static final Pattern HIST_QUANT = Pattern.compile("hist_quant_" + NUMBER + "(_initmax)?");

    private MergeFunctions() {
    }

    public static MergeFunction parse(String name) {
        String text = name.trim().toLowerCase(Locale.ROOT);
        return general(name, canonical(text));
    }

    /** The general form of an alias (general forms are returned as they are). */
    private static String canonical(String text) {
        Matcher m = MAX_K.matcher(text);
        if (m.matches()) {
            return "top:" + m.group(1);
        }
        m = Q_AFF.matcher(text);
        if (m.matches()) {
            String q = m.group(1).equals("median") ? "50" : m.group(2);
            return (m.group(3) != null ? "histogram:" : "quantile:") + q;
        }
        m = HIST_QUANT.matcher(text);
        if (m.matches()) {
            return "histogram:" + m.group(1) + (m.group(2) != null ? ":maxinit" : ":all");
        }
        return text;
    }

    private static MergeFunction general(String original, String text) {
        String[] parts = text.split(":", -1);
        try {
            switch (parts[0]) {
                case "mean":
                    return simple(parts, "mean", MeanAffinity::new);
                case "max":
                    return simple(parts, "max", MaxAffinity::new);
                case "min":
                    return simple(parts, "min", MinAffinity::new);
                case "top":
                    return top(parts);
                case "quantile":
                    return quantile(parts);
                case "histogram":
                    return histogram(parts);
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("merge function '" + original + "': " + e.getMessage() + "; known: " + KNOWN);
        }
        throw unknown(original);
    }

    private static MergeFunction simple(String[] parts, String name, EdgeStatistic.Factory factory) {
        if (parts.length != 1) {
            throw new IllegalArgumentException(name + " takes no arguments");
        }
        return new MergeFunction(name, factory, ScoreOperator.ONE_MINUS);
    }

    private static MergeFunction top(String[] parts) {
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected top:K");
        }
        int k = positive(parts[1], "K");
        return new MergeFunction("top:" + k, edges -> new MeanOfLargest(edges, k), ScoreOperator.ONE_MINUS);
    }

    private static MergeFunction quantile(String[] parts) {
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("expected quantile:Q[:maxinit|:all]");
        }
        Quantile q = Quantile.parse(parts[1]);
        boolean initWithMax = parts.length == 2 || pooling(parts[2]);
        return new MergeFunction("quantile:" + q + (initWithMax ? ":maxinit" : ":all"),
                edges -> new ExactQuantile(edges, q, initWithMax), ScoreOperator.ONE_MINUS);
    }

    private static MergeFunction histogram(String[] parts) {
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("expected histogram:Q[:bins=B][:maxinit|:all]");
        }
        Quantile q = Quantile.parse(parts[1]);
        int bins = 256;
        boolean initWithMax = true;
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].startsWith("bins=")) {
                bins = positive(parts[i].substring(5), "the number of bins");
            } else {
                initWithMax = pooling(parts[i]);
            }
        }
        HistogramQuantile.requireBins(bins);
        int b = bins;
        boolean maxInit = initWithMax;
        return new MergeFunction("histogram:" + q + ":bins=" + b + (maxInit ? ":maxinit" : ":all"),
                edges -> new HistogramQuantile(edges, q, b, maxInit), ScoreOperator.ONE_MINUS);
    }

    private static int positive(String text, String what) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a positive whole number, got '" + text + "'");
    }

    private static boolean pooling(String option) {
        return switch (option) {
            case "maxinit" -> true;
            case "all" -> false;
            default -> throw new IllegalArgumentException("unknown option '" + option + "' (maxinit or all)");
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown merge function '" + name + "'; known: " + KNOWN);
    }
}
