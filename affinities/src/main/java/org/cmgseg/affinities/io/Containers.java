package org.cmgseg.affinities.io;

import java.io.IOException;
import java.nio.file.Path;
import org.cmgseg.affinities.io.hdf5.Hdf5Container;
import org.cmgseg.affinities.io.n5.N5Container;
import org.cmgseg.affinities.io.tiff.TiffContainer;
import org.cmgseg.affinities.io.zarr.ZarrContainer;

/** Opens the container of a {@link DatasetAddress} (or of a path), in the format its extension names. */
public final class Containers {

    private Containers() {
    }

    public static Container open(Path path, Format format) throws IOException {
        return switch (format) {
            case HDF5 -> Hdf5Container.open(path);
            case N5 -> N5Container.open(path);
            case ZARR -> ZarrContainer.open(path);
            case TIFF -> TiffContainer.open(path);
        };
    }

    public static Container openForWriting(Path path, Format format) throws IOException {
        return switch (format) {
            case HDF5 -> Hdf5Container.openForWriting(path);
            case N5 -> N5Container.openForWriting(path);
            case ZARR -> ZarrContainer.openForWriting(path);
            case TIFF -> TiffContainer.openForWriting(path);
        };
    }

    /**
     * Writes blocks into the hidden folder ({@link FolderDatasetWriter#partialFolder}) of a dataset of {@code info} that a
     * writer of another process (a cluster job's driver) created and alone commits; closing it leaves the folder.
     */
    public static DatasetWriter joinPartial(Format format, Path partial, DatasetInfo info) throws IOException {
        return switch (format) {
            case N5 -> N5Container.joinPartial(partial, info);
            case ZARR -> ZarrContainer.joinPartial(partial, info);
            case HDF5, TIFF -> throw new IOException(format + " datasets are single files: other processes cannot write into " + partial);
        };
    }

    /** Opens the dataset of an address; the container stays open as long as the returned handle. */
    public static OpenDataset open(DatasetAddress address) throws IOException {
        Container container = open(address.container(), address.format());
        try {
            return new OpenDataset(container, container.open(address.dataset()));
        } catch (IOException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    /** A dataset together with the container that must be closed after use. */
    public record OpenDataset(Container container, Dataset dataset) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            container.close();
        }
    }
}
