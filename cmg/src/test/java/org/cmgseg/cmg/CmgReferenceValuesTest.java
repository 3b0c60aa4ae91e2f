package org.cmgseg.cmg;

import org.cmgseg.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every value tabulated by an independent implementation in ../shared/data/cmg. */
class CmgReferenceValuesTest {

    private static final Pattern RANGE = Pattern.compile(
            "xmin=(\\S+) xmax=(\\S+) yL=(\\S+) yR=(\\S+)");
    private static final Pattern CURVE = Pattern.compile("mu=(\\S+),I=(\\S+)");

    record Reference(Cmg curve, double x, double y) {
    }

    static List<Reference> references(LogitMethod method) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("cmg/cmg_reference_values.tsv"));
        List<Reference> out = new ArrayList<>();
        double[] range = null;
        List<Cmg> curves = null;
        for (String line : lines) {
            Matcher r = RANGE.matcher(line);
            if (line.startsWith("#") && r.find()) {
                range = new double[] {Double.parseDouble(r.group(1)), Double.parseDouble(r.group(2)),
                        Double.parseDouble(r.group(3)), Double.parseDouble(r.group(4))};
            } else if (line.startsWith("x\t")) {
                curves = new ArrayList<>();
                for (String column : line.substring(2).split("\t")) {
                    Matcher c = CURVE.matcher(column);
                    assertTrue(c.matches(), column);
                    curves.add(new Cmg(Double.parseDouble(c.group(1)), Double.parseDouble(c.group(2)),
                            range[0], range[1], range[2], range[3], method));
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t");
                double x = Double.parseDouble(cells[0]);
                for (int i = 1; i < cells.length; i++) {
                    out.add(new Reference(curves.get(i - 1), x, Double.parseDouble(cells[i])));
                }
            }
        }
        return out;
    }

    @Test
    void everyTabulatedValueTo1e12() throws IOException {
        List<Reference> references = references(LogitMethod.EXACT);
        assertEquals(157, references.size(), "values in the table");
        for (Reference ref : references) {
            assertEquals(ref.y(), ref.curve().value(ref.x()), 1e-12, () -> ref.curve() + " at x=" + ref.x());
        }
    }

    @Test
    void lookup1000StaysWithinItsDocumentedError() throws IOException {
        for (Reference ref : references(LogitMethod.LOOKUP1000)) {
            Cmg curve = ref.curve();
            double tolerance = 5.1e-4 * Math.abs(curve.yR() - curve.yL());
            assertEquals(ref.y(), curve.value(ref.x()), tolerance, () -> curve + " at x=" + ref.x());
        }
    }

    @Test
    void tableCoversEveryPhaseAndBothDirections() throws IOException {
        Map<Phase, Long> phases = references(LogitMethod.EXACT).stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.curve().phase(),
                        java.util.stream.Collectors.counting()));
        assertEquals(Phase.values().length, phases.size(), phases.toString());
    }
}
