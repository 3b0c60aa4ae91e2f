package org.cmgseg.cli;

import java.io.IOException;
import org.cmgseg.affinities.io.Containers;
import org.cmgseg.segmentation.fragments.FragmentMethod;

/** The fragments a command uses: a watershed, or a label volume of the user's, which stays open as long as this does. */
final class FragmentChoice implements AutoCloseable {

    private final FragmentMethod method;
    private final Containers.OpenDataset volume;

    private FragmentChoice(FragmentMethod method, Containers.OpenDataset volume) {
        this.method = method;
        this.volume = volume;
    }

    /** {@code low} and {@code high} (null: as given) set the waterz watershed's thresholds. */
    static FragmentChoice of(FragmentSource source, Float low, Float high) throws IOException {
        if (source.watershed() instanceof FragmentMethod.SteepestAscent waterz) {
            return new FragmentChoice(new FragmentMethod.SteepestAscent(low != null ? low : waterz.low(),
                    high != null ? high : waterz.high()), null);
        }
        if (low != null || high != null) {
            throw new IllegalArgumentException("--low and --high set the waterz watershed; they do not apply to --fragments " + source);
        }
        if (source.watershed() != null) {
            return new FragmentChoice(source.watershed(), null);
        }
        Containers.OpenDataset opened = Containers.open(source.volume());
        return new FragmentChoice(new FragmentMethod.Supplied(opened.dataset(), source.volume().toString()), opened);
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
