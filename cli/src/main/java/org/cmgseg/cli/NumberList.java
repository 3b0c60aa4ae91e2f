package org.cmgseg.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of numbers as options take them: comma-separated items, each a number or a range
 * {@code A:B:STEP} (from A up to B inclusive). Ranges step in decimal, so {@code 0.1:0.9:0.1} is
 * exactly 0.1, 0.2, ..., 0.9 with no drift.
 */
final class NumberList {

    private NumberList() {
    }

    static double[] parse(String text, String option) {
        List<Double> values = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String[] range = item.strip().split(":", -1);
            if (range.length == 1) {
                values.add(number(range[0], option, text).doubleValue());
            } else if (range.length == 3) {
                BigDecimal from = number(range[0], option, text);
                BigDecimal to = number(range[1], option, text);
                BigDecimal step = number(range[2], option, text);
                if (step.signum() <= 0) {
                    throw new IllegalArgumentException(option + ": the step of '" + item.strip() + "' must be positive");
                }
                if (from.compareTo(to) > 0) {
                    throw new IllegalArgumentException(option + ": the range '" + item.strip() + "' is empty (it starts above its end)");
                }
                for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                    values.add(v.doubleValue());
                }
            } else {
                throw new IllegalArgumentException(option + ": '" + item.strip() + "' is neither a number nor a range A:B:STEP");
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static BigDecimal number(String text, String option, String whole) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text.strip() + "' in '" + whole + "' is not a number");
        }
    }
}
