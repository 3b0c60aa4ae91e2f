package org.cmgseg.segmentation.gridsearch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.cmgseg.affinities.NonFinitePolicy;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.affinities.source.AffinityChannels;
import org.cmgseg.segmentation.fragments.FragmentMethod;

/**
 * What a grid search reads and how it makes fragments: the affinities (3, z, y, x) and the ground
 * truth (z, y, x) by address; the fragments (see {@link GridFragments}); the CREMI border mask
 * (threshold in nm and the voxel size z, y, x in nm, or neither); the value that NaN and infinite affinities are read as (null: refuse them); and the
 * channels z, y, x of affinities with more than 3 (null: see {@link AffinityChannels}).
 */
public record GridInputs(String affinities, String groundTruth, FragmentMethod fragments, boolean fragmentsPerCurve,
        Double borderThresholdNm, double[] resolutionZyx, Float nanAs, int[] channels) {

    public GridInputs {
        affinities = absolute(affinities);
        groundTruth = absolute(groundTruth);
        new GridFragments(fragments, fragmentsPerCurve); // refuses per-curve fragments that are not a watershed
        if (borderThresholdNm != null) {
            if (!(borderThresholdNm >= 0)) {
                throw new IllegalArgumentException("the border threshold must be at least 0 nm, got " + borderThresholdNm);
            }
            if (resolutionZyx == null) {
                throw new IllegalArgumentException("a border threshold of " + borderThresholdNm + " nm needs the voxel size: "
                        + "give the resolution z,y,x in nm");
            }
        }
        if (resolutionZyx != null) {
            resolutionZyx = resolutionZyx.clone();
            if (resolutionZyx.length != 3 || !(resolutionZyx[0] > 0 && resolutionZyx[1] > 0 && resolutionZyx[2] > 0)) {
                throw new IllegalArgumentException("the resolution takes three positive sizes z,y,x in nm");
            }
        }
        NonFinitePolicy.of(nanAs);
        channels = channels == null ? null : channels.clone();
    }

    /** The address with an absolute container path, so that a run resumed from another folder is recognised. */
    private static String absolute(String address) {
        DatasetAddress a = DatasetAddress.parse(address);
        return new DatasetAddress(a.container().toAbsolutePath().normalize(), a.format(), a.dataset()).toString();
    }

    public GridFragments gridFragments() {
        return new GridFragments(fragments, fragmentsPerCurve);
    }

    public NonFinitePolicy nonFinitePolicy() {
        return NonFinitePolicy.of(nanAs);
    }

    @Override
    public int[] channels() {
        return channels == null ? null : channels.clone();
    }

    @Override
    public double[] resolutionZyx() {
        return resolutionZyx == null ? null : resolutionZyx.clone();
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("affinities", affinities);
        json.addProperty("ground_truth", groundTruth);
        json.addProperty("fragments", GridFragments.describe(fragments));
        json.addProperty("fragments_per_curve", fragmentsPerCurve);
        json.add("border_threshold_nm", orNull(borderThresholdNm));
        JsonArray resolution = new JsonArray();
        if (resolutionZyx != null) {
            for (double r : resolutionZyx) {
                resolution.add(r);
            }
        }
        json.add("resolution_zyx", resolutionZyx == null ? JsonNull.INSTANCE : resolution);
        json.add("nan_as", orNull(nanAs));
        if (channels != null) {
            JsonArray selected = new JsonArray();
            for (int c : channels) {
                selected.add(c);
            }
            json.add("channels", selected);
        }
        return json;
    }

    private static JsonElement orNull(Number value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }
}
