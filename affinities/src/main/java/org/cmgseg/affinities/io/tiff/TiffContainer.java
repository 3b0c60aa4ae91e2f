package org.cmgseg.affinities.io.tiff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.measure.Calibration;
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
 * A TIFF stack: one dataset (path "" or "/"), shape (z, y, x) with one slice per z. Read through
 * ImageJ (uint8, uint16, float32), except 32-bit integers, which are read exactly here (uint32, int32);
 * written uncompressed as uint8, uint16, uint32, int32 or float32 (uint64 labels as uint32 when they fit),
 * under a temporary name and moved into place. Attributes: the voxel size ImageJ records, as
 * "resolution" (z, y, x) and "unit"; setting them rewrites the file with that calibration.
 */
public final class TiffContainer implements Container {

    /** The unit of a resolution given without one: EM volumes are measured in nanometres. */
    private static final String DEFAULT_UNIT = "nm";
    private static final long MAX_UINT32 = 0xffffffffL;

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

    private ImagePlus image(FileInfo[] layout) throws IOException {
        ImagePlus image = new Opener().openTiff(file.toAbsolutePath().getParent() + "/", file.getFileName().toString());
        if (image == null) {
            throw new IOException(file + " holds images ImageJ cannot open (ImageJ file type " + layout[0].fileType + ")");
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
        FileInfo[] layout = TiffLayout.of(file);
        if (TiffLayout.integers32(layout)) {
            int[] all = Integer32Slices.read(file, layout);
            long slices = all.length / ((long) layout[0].width * layout[0].height);
            DataType type = TiffLayout.signed(file) ? DataType.INT32 : DataType.UINT32;
            return new ArrayDataset(new long[] {layout[0].width, layout[0].height, slices}, type, all);
        }
        ImagePlus image = image(layout);
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
        Calibration calibration = image(TiffLayout.of(file)).getCalibration();
        JsonObject json = new JsonObject();
        if (calibration.scaled()) {
            JsonArray resolution = new JsonArray();
            resolution.add(calibration.pixelDepth);
            resolution.add(calibration.pixelHeight);
            resolution.add(calibration.pixelWidth);
            json.add("resolution", resolution);
            json.addProperty("unit", calibration.getUnit());
        }
        return json;
    }

    /**
     * Keeps "resolution" (z, y, x) and "unit" by writing the stack again with that calibration; a TIFF
     * stack has no place for other attributes, which are left out.
     */
    @Override
    public void setAttributes(String path, JsonObject attributes) throws IOException {
        requireRoot(path);
        JsonObject current = attributes(path);
        JsonObject merged = current.deepCopy();
        for (String key : List.of("resolution", "unit")) {
            if (attributes.has(key)) {
                merged.add(key, attributes.get(key));
            }
        }
        if (!merged.has("resolution") || merged.equals(current)) {
            return;
        }
        VoxelSize voxelSize = voxelSize(merged);
        Dataset stack = open(path);
        long[] dims = stack.info().dimensions();
        Object all = stack.readAll();
        AtomicFiles.write(file, temporary -> TiffStackWriter.write(temporary, (int) dims[0], (int) dims[1], (int) dims[2],
                stack.info().dataType(), all, voxelSize));
    }

    private VoxelSize voxelSize(JsonObject attributes) throws IOException {
        JsonElement resolution = attributes.get("resolution");
        if (!resolution.isJsonArray() || resolution.getAsJsonArray().size() != 3) {
            throw new IOException("cannot keep the resolution " + resolution + " in " + file + ": it needs 3 numbers (z, y, x)");
        }
        double[] zyx = new double[3];
        try {
            for (int i = 0; i < 3; i++) {
                zyx[i] = resolution.getAsJsonArray().get(i).getAsDouble();
            }
            String unit = attributes.has("unit") ? attributes.get("unit").getAsString() : DEFAULT_UNIT;
            return new VoxelSize(zyx, unit);
        } catch (RuntimeException e) {
            throw new IOException("cannot keep the resolution " + resolution + " in " + file + ": " + e.getMessage());
        }
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
        if (!List.of(DataType.UINT8, DataType.UINT16, DataType.UINT32, DataType.INT32, DataType.FLOAT32, DataType.UINT64).contains(info.dataType())) {
            throw new IOException("TIFF stacks hold uint8, uint16, uint32, int32 or float32 (and uint64 labels below 2^32), not "
                    + info.dataType().label() + ": " + file);
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
            DataType type = info.dataType() == DataType.UINT64 ? DataType.UINT32 : info.dataType();
            Object pixels = info.dataType() == DataType.UINT64 ? narrow((long[]) all) : all;
            AtomicFiles.write(file, temporary -> TiffStackWriter.write(temporary, dims[0], dims[1], dims[2], type, pixels, null));
        }

        /** uint64 labels as uint32, which TIFF holds (and ImageJ opens, as 32-bit images). */
        private int[] narrow(long[] labels) throws IOException {
            int[] narrow = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                if (Long.compareUnsigned(labels[i], MAX_UINT32) > 0) {
                    throw new IOException("cannot write " + file + ": label " + Long.toUnsignedString(labels[i])
                            + " does not fit the 32 bits a TIFF stack holds; write N5, Zarr or HDF5");
                }
                narrow[i] = (int) labels[i];
            }
            return narrow;
        }

        @Override
        public void close() {
            // nothing on disk until commit
        }
    }
}
