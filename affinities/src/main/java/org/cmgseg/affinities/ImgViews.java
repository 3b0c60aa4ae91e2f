package org.cmgseg.affinities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.basictypeaccess.DataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import org.cmgseg.affinities.io.BlockGrid;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.Dataset;

/**
 * Datasets and arrays as imglib2 images, in imglib2's axis order (x, y, z[, c]): any dataset as a
 * cell image whose cells are its blocks, read when first touched, and in-memory arrays as array
 * images sharing the array. Unsigned types map to imglib2's unsigned types.
 */
public final class ImgViews {

    private ImgViews() {
    }

    /**
     * The dataset as a cell image; cells are read on first access and the {@code cachedBlocks} most
     * recently used are kept. Read errors surface as {@link UncheckedIOException}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends NativeType<T> & RealType<T>> Img<T> lazy(Dataset dataset, int cachedBlocks) {
        DataType type = dataset.info().dataType();
        BlockGrid blocks = dataset.info().grid();
        CellGrid grid = new CellGrid(dataset.info().dimensions(), dataset.info().blockSize());
        Map<Long, Cell<DataAccess>> cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Cell<DataAccess>> eldest) {
                return size() > cachedBlocks;
            }
        };
        LazyCellImg.Get<Cell<DataAccess>> loader = index -> {
            synchronized (cache) {
                Cell<DataAccess> cell = cache.get(index);
                if (cell == null) {
                    long[] position = blocks.position(index);
                    long[] offset = blocks.offset(position);
                    int[] size = blocks.size(position);
                    try {
                        cell = new Cell<>(size, offset, access(type, dataset.read(offset, size)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    cache.put(index, cell);
                }
                return cell;
            }
        };
        return new LazyCellImg(grid, (T) type(type), (LazyCellImg.Get) loader);
    }

    /** An array (fastest axis first in memory) as an image of the given dimensions, sharing the array. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends NativeType<T> & RealType<T>> ArrayImg<T, ?> wrap(DataType type, Object array, long... dimensions) {
        T t = (T) type(type);
        ArrayImg img = new ArrayImg(access(type, array), dimensions, t.getEntitiesPerPixel());
        img.setLinkedType(t.getNativeTypeFactory().createLinkedType(img));
        return img;
    }

    /** An empty image of a data type, for building results. */
    @SuppressWarnings("unchecked")
    public static <T extends NativeType<T> & RealType<T>> ArrayImg<T, ?> create(DataType type, long... dimensions) {
        return new ArrayImgFactory<>((T) type(type)).create(dimensions);
    }

    static NativeType<?> type(DataType type) {
        return switch (type) {
            case UINT8 -> new UnsignedByteType();
            case INT8 -> new ByteType();
            case UINT16 -> new UnsignedShortType();
            case INT16 -> new ShortType();
            case UINT32 -> new UnsignedIntType();
            case INT32 -> new IntType();
            case UINT64 -> new UnsignedLongType();
            case INT64 -> new LongType();
            case FLOAT32 -> new FloatType();
            case FLOAT64 -> new DoubleType();
        };
    }

    private static DataAccess access(DataType type, Object array) {
        return switch (type.bytes()) {
            case 1 -> new ByteArray((byte[]) array);
            case 2 -> new ShortArray((short[]) array);
            case 4 -> type.floating() ? new FloatArray((float[]) array) : new IntArray((int[]) array);
            default -> type.floating() ? new DoubleArray((double[]) array) : new LongArray((long[]) array);
        };
    }
}
