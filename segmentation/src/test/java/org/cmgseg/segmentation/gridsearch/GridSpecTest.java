package org.cmgseg.segmentation.gridsearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.junit.jupiter.api.Test;

class GridSpecTest {

    private static GridSpec spec(double[] mus, List<String> functions, double[] thresholds) {
        return new GridSpec(mus, new double[] {0.3}, functions, new QueueType(256), thresholds);
    }

    @Test
    void axesAreSortedWithoutRepeats() {
        GridSpec spec = spec(new double[] {0.5, 0.1, 0.5}, List.of("max_10"), new double[] {0.9, 0.1});
        assertArrayEquals(new double[] {0.1, 0.5}, spec.mus());
        assertArrayEquals(new double[] {0.1, 0.9}, spec.thresholds());
        assertEquals("bins:256", spec.toJson().get("queue").getAsString());
        assertEquals(List.of(GridCurve.BASELINE, new GridCurve(0.1, 0.3), new GridCurve(0.5, 0.3)), spec.curves());
    }

    @Test
    void valuesOutsideTheUnitIntervalRepeatedOrUnknownMergeFunctionsAndEmptyAxesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> spec(new double[] {1.5}, List.of("max_10"), new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> spec(new double[] {0.5}, List.of("max_10"), new double[] {-0.1}));
        assertThrows(IllegalArgumentException.class, () -> spec(new double[] {0.5}, List.of("max_10", "max_10"), new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> spec(new double[] {0.5}, List.of("nope"), new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> spec(new double[] {0.5}, List.of(), new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> spec(new double[0], List.of("max_10"), new double[] {0.5}));
    }
}
