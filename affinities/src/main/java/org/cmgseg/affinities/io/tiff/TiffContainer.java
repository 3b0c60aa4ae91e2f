package org.cmgseg.affinities.io.tiff;

import com.google.gson.JsonObject;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmgseg.affinities.io.ArrayDataset;
import org.cmgseg.affinities.io.AtomicFiles;
import org.cmgseg.affinities.io.Boxes;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Format;

/**
 * A TIFF stack, through ImageJ: one dataset (path "" or "/"), shape (z, y, x) with one slice per z,
 * of type uint8, uint16 or float32 (what ImageJ stacks hold). Written under a temporary name and moved
 * into place. Attributes: the voxel size ImageJ records, as "resolution" (z, y, x) and "unit".
 */
public final class TiffContainer implements Container {

    private final Path file;

    private TiffContainer(Path file) {
        this.file = file;
    }

    public static TiffContainer open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such TIFF file: " + file);
        }
        return new TiffContainer(file);
    }

    public static TiffContainer openForWriting(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new IOException("cannot write " + file + ": folder " + parent + " does not exist");
        }
        return new TiffContainer(file);
    }

    private static void requireRoot(String path) throws IOException {
        if (!path.isEmpty() && !path.equals("/")) {
            throw new IOException("a TIFF stack holds one dataset; there is no " + path + " in it");
        }
    }

    private ImagePlus image() throws IOException {
        ImagePlus image = new Opener().openTiff(file.getParent() == null ? "" : file.getParent() + "/", file.getFileName().toString());
        if (image == null) {
            throw new IOException(file + " is not a TIFF file ImageJ can read");
        }
        return image;
    }

    @Override
    public Path path() {
        return file;
    }

    @Override
    public Format format() {
        return Format.TIFF;
    }

    @Override
    public boolean exists(String path) {
        return (path.isEmpty() || path.equals("/")) && Files.isRegularFile(file);
    }

    @Override
    public boolean isDataset(String path) {
        return exists(path);
    }

    @Override
    public List<String> children(String group) {
        return List.of();
    }

    @Override
    public Dataset open(String path) throws IOException {
        requireRoot(path);
        ImagePlus image = image();
        ImageStack stack = image.getStack();
        int width = stack.getWidth();
        int height = stack.getHeight();
        int slices = stack.getSize();
        int plane = width * height;
        DataType type = switch (image.getBitDepth()) {
            case 8 -> DataType.UINT8;
            case 16 -> DataType.UINT16;
            case 32 -> DataType.FLOAT32;
            default -> throw new IOException(file + " holds " + image.getBitDepth() + "-bit RGB images; supported: 8, 16 and 32-bit stacks");
        };
        Object all = type.allocate(Math.multiplyExact(plane, slices));
        for (int z = 0; z < slices; z++) {
            System.arraycopy(stack.getProcessor(z + 1).getPixels(), 0, all, z * plane, plane);
        }
        return new ArrayDataset(new long[] {width, height, slices}, type, all);
    }

    @Override
    public JsonObject attributes(String path) throws IOException {
        requireRoot(path);
        ImagePlus image = image();
        JsonObject json = new JsonObject();
        if (image.getCalibration().scaled()) {
            com.google.gson.JsonArray resolution = new com.google.gson.JsonArray();
            resolution.add(image.getCalibration().pixelDepth);
            resolution.add(image.getCalibration().pixelHeight);
            resolution.add(image.getCalibration().pixelWidth);
            json.add("resolution", resolution);
            json.addProperty("unit", image.getCalibration().getUnit());
        }
        return json;
    }

    @Override
    public void setAttributes(String path, JsonObject attributes) throws IOException {
        throw new IOException("cannot set attributes of TIFF file " + file + ": TIFF stacks keep only ImageJ's calibration");
    }

    @Override
    public void delete(String path) throws IOException {
        requireRoot(path);
        Files.deleteIfExists(file);
    }

    @Override
    public DatasetWriter create(String path, DatasetInfo info) throws IOException {
        requireRoot(path);
        if (info.axes() != 3) {
            throw new IOException("a TIFF stack is 3D (z, y, x); cannot write " + info.axes() + " axes to " + file);
        }
        if (info.dataType() != DataType.UINT8 && info.dataType() != DataType.UINT16 && info.dataType() != DataType.FLOAT32) {
            throw new IOException("TIFF stacks hold uint8, uint16 or float32, not " + info.dataType().label() + ": " + file);
        }
        return new Writer(info);
    }

    @Override
    public void close() {
        // nothing held open
    }

    /** Collects the stack in memory and saves it on commit. */
    private final class Writer implements DatasetWriter {
        private final DatasetInfo info;
        private final Object all;
        private final int[] dims;

        Writer(DatasetInfo info) {
            this.info = new DatasetInfo(info.dimensions(), info.blockSize(), info.dataType(), Compression.RAW);
            this.dims = new int[] {(int) info.dimensions()[0], (int) info.dimensions()[1], (int) info.dimensions()[2]};
            this.all = info.dataType().allocate(Math.multiplyExact(Math.multiplyExact(dims[0], dims[1]), dims[2]));
        }

        @Override
        public DatasetInfo info() {
            return info;
        }

        @Override
        public void write(long[] offset, int[] size, Object data) {
            Boxes.copy(data, size, new int[3], all, dims, new int[] {(int) offset[0], (int) offset[1], (int) offset[2]}, size);
        }

        @Override
        public void commit() throws IOException {
            int plane = dims[0] * dims[1];
            ImageStack stack = new ImageStack(dims[0], dims[1]);
            for (int z = 0; z < dims[2]; z++) {
                Object pixels = info.dataType().allocate(plane);
                System.arraycopy(all, z * plane, pixels, 0, plane);
                ImageProcessor slice = switch (info.dataType()) {
                    case UINT8 -> new ByteProcessor(dims[0], dims[1], (byte[]) pixels);
                    case UINT16 -> new ShortProcessor(dims[0], dims[1], (short[]) pixels, null);
                    default -> new FloatProcessor(dims[0], dims[1], (float[]) pixels);
                };
                stack.addSlice(slice);
            }
            ImagePlus image = new ImagePlus(file.getFileName().toString(), stack);
            AtomicFiles.write(file, temporary -> {
                if (!new FileSaver(image).saveAsTiffStack(temporary.toString())) {
                    throw new IOException("cannot write " + file);
                }
            });
        }

        @Override
        public void close() {
            // nothing on disk until commit
        }
    }
}
