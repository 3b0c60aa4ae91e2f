package org.cmgseg.segmentation.gridsearch;

import org.cmgseg.segmentation.fragments.FragmentMethod;

/**
 * How a grid search makes its fragments: once, from the untransformed affinities, or, with
 * {@code perCurve}, again from every transformed volume (which a supplied or precomputed volume
 * cannot be).
 */
public record GridFragments(FragmentMethod method, boolean perCurve) {

    public GridFragments {
        boolean computed = method instanceof FragmentMethod.SteepestAscent || method instanceof FragmentMethod.DistanceTransform;
        if (perCurve && !computed) {
            throw new IllegalArgumentException("fragments per curve are computed from each transformed volume, so they must be a "
                    + "watershed, not " + describe(method));
        }
    }

    /** Fragments made once by {@code method}. */
    public static GridFragments once(FragmentMethod method) {
        return new GridFragments(method, false);
    }

    static String describe(FragmentMethod method) {
        if (method instanceof FragmentMethod.SteepestAscent s) {
            return "waterz low=" + s.low() + " high=" + s.high();
        }
        if (method instanceof FragmentMethod.DistanceTransform d) {
            return d.perSlice() ? "distance2d" : "distance3d";
        }
        if (method instanceof FragmentMethod.Supplied s) {
            return s.where();
        }
        return "precomputed fragments";
    }
}
