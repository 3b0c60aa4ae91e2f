package org.cmgseg.affinities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.real.FloatType;
import org.cmgseg.affinities.io.Compression;
import org.cmgseg.affinities.io.Container;
import org.cmgseg.affinities.io.DataType;
import org.cmgseg.affinities.io.DatasetInfo;
import org.cmgseg.affinities.io.DatasetWriter;
import org.cmgseg.affinities.io.Datasets;
import org.cmgseg.testkit.RandomArrays;
import org.cmgseg.affinities.io.n5.N5Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImgViewsTest {

    @Test
    void aLazyCellImageHoldsTheDatasetsValuesInImglib2AxisOrder(@TempDir Path dir) throws IOException {
        long[] dims = {13, 7, 5, 3};
        float[] values = (float[]) RandomArrays.fill(DataType.FLOAT32.allocate(13 * 7 * 5 * 3), 4);
        try (Container n5 = N5Container.openForWriting(dir.resolve("v.n5"));
             DatasetWriter writer = n5.create("/a", new DatasetInfo(dims, new int[] {8, 4, 3, 1}, DataType.FLOAT32, Compression.GZIP))) {
            Datasets.writeAll(writer, values);
            writer.commit();
            Img<FloatType> img = ImgViews.lazy(n5.open("/a"), 4);
            assertArrayEquals(dims, img.dimensionsAsLongArray());
            RandomAccess<FloatType> access = img.randomAccess();
            access.setPosition(new long[] {12, 6, 4, 2});
            assertEquals(values[((2 * 5 + 4) * 7 + 6) * 13 + 12], access.get().get());
            double sum = 0;
            for (FloatType v : img) {
                sum += v.get();
            }
            double expected = 0;
            for (float v : values) {
                expected += v;
            }
            assertEquals(expected, sum, Math.abs(expected) * 1e-12);
        }
    }

    @Test
    void arraysAreWrappedWithoutCopyAndUint64KeepsItsUnsignedValue() {
        long[] labels = {1, -1, 42};
        Img<UnsignedLongType> img = ImgViews.wrap(DataType.UINT64, labels, 3, 1, 1);
        Cursor<UnsignedLongType> cursor = img.cursor();
        cursor.fwd();
        cursor.fwd();
        assertEquals("18446744073709551615", cursor.get().getBigInteger().toString());
        cursor.get().set(7);
        assertEquals(7, labels[1], "the image shares the array");
    }
}
