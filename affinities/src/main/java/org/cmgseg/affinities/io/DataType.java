package org.cmgseg.affinities.io;

import java.util.Locale;

/**
 * Element types of datasets. In memory an array of a type is the Java primitive array of its width
 * (byte[], short[], int[], long[], float[], double[]); unsigned types keep their bits in the signed
 * Java type (a uint64 label 2^64 - 1 is the long -1).
 */
public enum DataType {
    UINT8(1, false, false), INT8(1, true, false), UINT16(2, false, false), INT16(2, true, false),
    UINT32(4, false, false), INT32(4, true, false), UINT64(8, false, false), INT64(8, true, false),
    FLOAT32(4, true, true), FLOAT64(8, true, true);

    private final int bytes;
    private final boolean signed;
    private final boolean floating;

    DataType(int bytes, boolean signed, boolean floating) {
        this.bytes = bytes;
        this.signed = signed;
        this.floating = floating;
    }

    public int bytes() {
        return bytes;
    }

    public boolean signed() {
        return signed;
    }

    public boolean floating() {
        return floating;
    }

    /** The lower-case name used by N5 and in messages: uint8, ..., float64. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By the N5 / numpy name (uint8, int16, float32, ...). */
    public static DataType of(String label) {
        for (DataType type : values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported data type '" + label + "'; supported: uint8, int8, uint16, int16, "
                + "uint32, int32, uint64, int64, float32, float64");
    }

    /** A zeroed array of n elements. */
    public Object allocate(int n) {
        return switch (bytes) {
            case 1 -> new byte[n];
            case 2 -> new short[n];
            case 4 -> floating ? new float[n] : new int[n];
            default -> floating ? new double[n] : new long[n];
        };
    }

    /** The number of elements of an array of this type. */
    public int length(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }

    /** Element i of an array of this type, as a double (unsigned values as their unsigned value). */
    public double get(Object array, int i) {
        return switch (this) {
            case UINT8 -> ((byte[]) array)[i] & 0xff;
            case INT8 -> ((byte[]) array)[i];
            case UINT16 -> ((short[]) array)[i] & 0xffff;
            case INT16 -> ((short[]) array)[i];
            case UINT32 -> ((int[]) array)[i] & 0xffffffffL;
            case INT32 -> ((int[]) array)[i];
            case UINT64 -> unsignedToDouble(((long[]) array)[i]);
            case INT64 -> ((long[]) array)[i];
            case FLOAT32 -> ((float[]) array)[i];
            case FLOAT64 -> ((double[]) array)[i];
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }
}
