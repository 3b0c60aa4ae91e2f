package org.cmgseg.affinities.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ArrayDatasetTest {

    @Test
    void regionsAreCutFromTheArrayFastestAxisFirst() throws IOException {
        int[] values = new int[4 * 3 * 2 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        ArrayDataset dataset = new ArrayDataset(new long[] {4, 3, 2, 3}, DataType.INT32, values);
        int[] region = (int[]) dataset.read(new long[] {1, 1, 1, 2}, new int[] {2, 2, 1, 1});
        // element (x, y, z, c) sits at ((c * 2 + z) * 3 + y) * 4 + x
        int base = ((2 * 2 + 1) * 3 + 1) * 4 + 1;
        assertArrayEquals(new int[] {base, base + 1, base + 4, base + 5}, region);
        assertArrayEquals(values, (int[]) dataset.readAll());
        assertThrows(IOException.class, () -> dataset.read(new long[] {3, 0, 0, 0}, new int[] {2, 1, 1, 1}));
    }
}
