package org.cmgseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.cmgseg.segmentation.agglomerate.QueueType;
import org.cmgseg.segmentation.fragments.FragmentMethod;
import org.cmgseg.segmentation.merge.MergeFunction;
import org.cmgseg.segmentation.merge.MergeFunctions;

/**
 * Merge functions, queues and fragment methods are parsed once into types whose {@code name()} is the
 * canonical form: a canonical name parses to itself, and every name parses to what its canonical name does.
 */
class OptionNamesTest {

    @Property
    void everyMergeFunctionNameParsesToWhatItsCanonicalNameParsesTo(@ForAll("mergeFunctionNames") String name) {
        MergeFunction function = MergeFunction.parse(name);
        MergeFunction again = MergeFunction.parse(function.name());
        assertEquals(function, again);
        assertEquals(function.name(), again.name());
    }

    @Property
    void canonicalMergeFunctionNamesParseToThemselves(@ForAll("canonicalMergeFunctionNames") String canonical) {
        assertEquals(canonical, MergeFunction.parse(canonical).name());
    }

    @Property
    void queueNamesRoundTrip(@ForAll @IntRange(min = 0, max = 1 << 24) int bins) {
        QueueType queue = bins == 0 ? QueueType.EXACT : new QueueType(bins);
        assertEquals(bins == 0 ? "exact" : "bins:" + bins, queue.name());
        assertEquals(queue, QueueType.parse(queue.name()));
    }

    @Property
    void watershedNamesRoundTrip(@ForAll @FloatRange(min = 0, max = 1) float low, @ForAll @FloatRange(min = 0, max = 1) float high) {
        if (low >= high) {
            assertThrows(IllegalArgumentException.class, () -> new FragmentMethod.SteepestAscent(low, high));
            return;
        }
        FragmentMethod waterz = new FragmentMethod.SteepestAscent(low, high);
        assertEquals(waterz, FragmentMethod.parse(waterz.name()));
    }

    @Property
    void namedWatershedsRoundTrip(@ForAll("watershedNames") String name) {
        assertEquals(name, FragmentMethod.parse(name).name());
    }

    @Provide
    Arbitrary<String> watershedNames() {
        return Arbitraries.of(FragmentMethod.WATERSHEDS);
    }

    /** The choices are distinct functions but for lsd's name of the default, the one alias offered. */
    @Example
    void theNamedMergeFunctionsAreDistinctButForLsdsNameOfTheDefault() {
        Map<String, List<String>> byFunction = MergeFunctions.NAMED.stream()
                .collect(Collectors.groupingBy(name -> MergeFunction.parse(name).name(), Collectors.toList()));
        assertEquals(MergeFunctions.NAMED.size() - 1, byFunction.size());
        assertEquals(List.of("median_aff_histograms", "hist_quant_50_initmax"), byFunction.get("histogram:50:bins=256:maxinit"));
        assertEquals("median_aff_histograms", MergeFunctions.NAMED.get(0));
        assertEquals(Set.of("waterz", "distance2d", "distance3d"), Set.copyOf(FragmentMethod.WATERSHEDS));
    }

    @Provide
    Arbitrary<String> mergeFunctionNames() {
        Arbitrary<String> q = quantiles();
        Arbitrary<Integer> k = Arbitraries.integers().between(1, 1000);
        Arbitrary<String> pooling = Arbitraries.of("", ":maxinit", ":all");
        return Arbitraries.oneOf(
                Arbitraries.of("mean", "max", "min", "median_aff", "median_aff_histograms", " MEAN "),
                k.map(n -> "max_" + n),
                q.map(p -> p + "_aff"),
                q.map(p -> p + "_aff_histograms"),
                Combinators.combine(q, Arbitraries.of("", "_initmax")).as((p, init) -> "hist_quant_" + p + init),
                k.map(n -> "top:" + n),
                Combinators.combine(q, pooling).as((p, pool) -> "quantile:" + p + pool),
                Combinators.combine(q, Arbitraries.integers().between(1, 4096), pooling, Arbitraries.of(true, false))
                        .as((p, bins, pool, binsFirst) -> "histogram:" + p
                                + (binsFirst ? ":bins=" + bins + pool : pool + ":bins=" + bins)));
    }

    @Provide
    Arbitrary<String> canonicalMergeFunctionNames() {
        Arbitrary<String> q = quantiles().map(p -> new BigDecimal(p).stripTrailingZeros().toPlainString());
        Arbitrary<String> pooling = Arbitraries.of(":maxinit", ":all");
        return Arbitraries.oneOf(
                Arbitraries.of("mean", "max", "min"),
                Arbitraries.integers().between(1, 1000).map(n -> "top:" + n),
                Combinators.combine(q, pooling).as((p, pool) -> "quantile:" + p + pool),
                Combinators.combine(q, Arbitraries.integers().between(1, 4096), pooling)
                        .as((p, bins, pool) -> "histogram:" + p + ":bins=" + bins + pool));
    }

    /** Percentages as people write them: 85, 12.5, 99.90, 0. */
    private static Arbitrary<String> quantiles() {
        return Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 999)).as((whole, decimals, fraction) -> {
                    if (whole == 100 || decimals == 0) {
                        return Integer.toString(whole);
                    }
                    String digits = String.format("%03d", fraction).substring(0, decimals);
                    return whole + "." + digits;
                });
    }
}
