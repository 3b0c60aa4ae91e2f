package org.cmgseg.fiji;

import ij.VirtualStack;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;

/**
 * A dataset (z, y, x) or (c, z, y, x) as a virtual stack in ImageJ's order (channel fastest, then z): each slice is
 * read from the dataset when ImageJ shows it, so volumes larger than memory can be browsed.
 */
final class VolumeStack extends VirtualStack {

    private final Dataset dataset;
    private final int channels;
    private final int depth;

    VolumeStack(Dataset dataset) {
        super((int) dataset.info().dimensions()[0], (int) dataset.info().dimensions()[1], null, null);
        this.dataset = dataset;
        DatasetInfo info = dataset.info();
        this.depth = (int) info.dimensions()[2];
        this.channels = info.axes() == 4 ? (int) info.dimensions()[3] : 1;
    }

    @Override
    public ImageProcessor getProcessor(int n) {
        int c = (n - 1) % channels;
        int z = (n - 1) / channels;
        DatasetInfo info = dataset.info();
        long[] offset = info.axes() == 4 ? new long[] {0, 0, z, c} : new long[] {0, 0, z};
        int[] size = info.axes() == 4 ? new int[] {getWidth(), getHeight(), 1, 1} : new int[] {getWidth(), getHeight(), 1};
        try {
            return Slices.processor(info.dataType(), dataset.read(offset, size), 0, getWidth(), getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getSize() {
        return channels * depth;
    }

    @Override
    public String getSliceLabel(int n) {
        return null;
    }
}
