package org.cmgseg.cli;

import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.segmentation.fragments.FragmentMethod;

/** The value of {@code --fragments}: a watershed by name, or the address of a label volume of the user's. */
record FragmentSource(FragmentMethod watershed, DatasetAddress volume) {

    static final String NAMES = "waterz|distance2d|distance3d|ADDR";

    static FragmentSource parse(String text) {
        String name = text.strip();
        if (!name.contains(":") || name.startsWith("waterz:")) {
            try {
                return new FragmentSource(FragmentMethod.parse(name), null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ", or a dataset address (PATH.n5:/dataset, PATH.zarr:/dataset, "
                        + "PATH.h5:/dataset)");
            }
        }
        return new FragmentSource(null, DatasetAddress.parse(name));
    }

    @Override
    public String toString() {
        return watershed != null ? watershed.name() : volume.toString();
    }
}
