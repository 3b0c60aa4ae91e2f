package org.cmgseg.fiji;

/** A dialog field of comma-separated numbers, e.g. thresholds "0.3,0.5". */
final class NumberList {

    private NumberList() {
    }

    /** The numbers of {@code text}; {@code what} names the field in the message of a part that is not a number. */
    static double[] parse(String text, String what) {
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " are numbers separated by commas, e.g. 0.3,0.5; '" + parts[i].trim()
                        + "' is not a number");
            }
        }
        return values;
    }
}
