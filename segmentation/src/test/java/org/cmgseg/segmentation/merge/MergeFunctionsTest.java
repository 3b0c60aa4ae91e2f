package org.cmgseg.segmentation.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MergeFunctionsTest {

    @ParameterizedTest
    @CsvSource({
        "mean, mean",
        "max, max",
        "min, min",
        "max_10, top:10",
        "max_3, top:3",
        "median_aff, quantile:50:maxinit",
        "85_aff, quantile:85:maxinit",
        "12.5_aff, quantile:12.5:maxinit",
        "median_aff_histograms, histogram:50:bins=256:maxinit",
        "85_aff_histograms, histogram:85:bins=256:maxinit",
        "hist_quant_75, histogram:75:bins=256:all",
        "hist_quant_50_initmax, histogram:50:bins=256:maxinit",
        "quantile:50, quantile:50:maxinit",
        "quantile:50:all, quantile:50:all",
        "histogram:85:bins=64:all, histogram:85:bins=64:all",
        "histogram:85:all:bins=64, histogram:85:bins=64:all",
        "HISTOGRAM:85, histogram:85:bins=256:maxinit",
        "top:1, top:1"
    })
    void namesMeanTheirGeneralForm(String name, String canonical) {
        MergeFunction function = MergeFunctions.parse(name);
        assertEquals(canonical, function.name());
        assertEquals(canonical, MergeFunctions.parse(canonical).name(), "canonical names parse to themselves");
    }

    @ParameterizedTest
    @ValueSource(strings = {"median", "mean:1", "top:0", "top:x", "quantile", "quantile:101", "quantile:50:sometimes",
        "histogram:50:bins=0", "histogram:50:bins=99999999", "hist_quant_", "max_", "foo"})
    void badNamesListTheKnownOnes(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MergeFunctions.parse(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("known: mean, max, min, max_10"), e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, "one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "median_aff", "histogram:50"})
    void scoresAreOneMinusTheStatisticInFloat32(String name) {
        MergeFunction function = MergeFunctions.parse(name);
        EdgeStatistic statistic = function.newStatistic(1);
        statistic.add(0, 0.3f);
        float value = statistic.value(0);
        assertEquals((float) (1.0 - value), function.score(statistic, 0));
    }
}
