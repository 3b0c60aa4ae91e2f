package org.cmgseg.cli;

import java.io.IOException;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.affinities.io.DatasetAddress;
import org.cmgseg.segmentation.fragments.FragmentMethod;

/**
 * The {@code --fragments} option: a watershed by name, or a label volume of the user's, which stays
 * open as long as this does.
 */
final class FragmentChoice implements AutoCloseable {

    static final String NAMES = "waterz|distance2d|distance3d|ADDR";

    private final FragmentMethod method;
    private final Containers.OpenDataset volume;

    private FragmentChoice(FragmentMethod method, Containers.OpenDataset volume) {
        this.method = method;
        this.volume = volume;
    }

    /** {@code low} and {@code high} (null: waterz's) apply to the waterz watershed only. */
    static FragmentChoice of(String text, Float low, Float high) throws IOException {
        if (!text.equals("waterz") && (low != null || high != null)) {
            throw new IllegalArgumentException("--low and --high set the waterz watershed; they do not apply to --fragments " + text);
        }
        return switch (text) {
            case "waterz" -> new FragmentChoice(new FragmentMethod.SteepestAscent(low != null ? low : FragmentMethod.WATERZ_LOW,
                    high != null ? high : FragmentMethod.WATERZ_HIGH), null);
            case "distance2d" -> new FragmentChoice(new FragmentMethod.DistanceTransform(true), null);
            case "distance3d" -> new FragmentChoice(new FragmentMethod.DistanceTransform(false), null);
            default -> {
                if (!text.contains(":")) {
                    throw new IllegalArgumentException("--fragments takes waterz, distance2d, distance3d or a dataset address "
                            + "(PATH.n5:/dataset, PATH.zarr:/dataset, PATH.h5:/dataset), got '" + text + "'");
                }
                DatasetAddress address = DatasetAddress.parse(text);
                Containers.OpenDataset opened = Containers.open(address);
                yield new FragmentChoice(new FragmentMethod.Supplied(opened.dataset(), address.toString()), opened);
            }
        };
    }

    FragmentMethod method() {
        return method;
    }

    @Override
    public void close() throws IOException {
        if (volume != null) {
            volume.close();
        }
    }
}
