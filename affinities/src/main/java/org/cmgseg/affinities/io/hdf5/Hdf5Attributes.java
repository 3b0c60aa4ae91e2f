package org.cmgseg.affinities.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.cmgseg.affinities.io.DataType;

/**
 * HDF5 attributes as JSON. Numbers (any integer or float type, scalars and n-dimensional arrays,
 * uint64 beyond 2^63 included), strings (fixed and variable length) and h5py's booleans map both
 * ways. JSON that HDF5 has no type for (objects, mixed or ragged arrays, null) is stored as a string
 * holding the JSON text.
 */
final class Hdf5Attributes {

    private Hdf5Attributes() {
    }

    static JsonObject read(long object, String where) throws IOException {
        JsonObject json = new JsonObject();
        org.bytedeco.hdf5.H5O_info2_t info = new org.bytedeco.hdf5.H5O_info2_t();
        Hdf5.check(H5Oget_info3(object, info, H5O_INFO_NUM_ATTRS), () -> "cannot list the attributes of " + where);
        for (long i = 0; i < info.num_attrs(); i++) {
            final long index = i;
            long attribute = Hdf5.check(H5Aopen_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT),
                    () -> "cannot open attribute " + index + " of " + where);
            try {
                long length = H5Aget_name(attribute, 0, (BytePointer) null);
                try (BytePointer name = new BytePointer(length + 1)) {
                    H5Aget_name(attribute, length + 1, name);
                    json.add(Hdf5.string(name), value(attribute));
                }
            } finally {
                H5Aclose(attribute);
            }
        }
        return json;
    }

    private static JsonElement value(long attribute) throws IOException {
        long type = H5Aget_type(attribute);
        long space = H5Aget_space(attribute);
        try {
            int rank = H5Sget_simple_extent_ndims(space);
            long[] dims = new long[Math.max(rank, 0)];
            if (rank > 0) {
                H5Sget_simple_extent_dims(space, dims, (long[]) null);
            }
            int n = 1;
            for (long d : dims) {
                n *= (int) d;
            }
            List<JsonElement> values = elements(attribute, type, n);
            return rank == 0 ? values.get(0) : nest(values, dims, 0, 0);
        } finally {
            H5Sclose(space);
            H5Tclose(type);
        }
    }

    private static List<JsonElement> elements(long attribute, long type, int n) throws IOException {
        int typeClass = H5Tget_class(type);
        List<JsonElement> out = new ArrayList<>(n);
        if (typeClass == H5T_STRING) {
            for (String s : strings(attribute, type, n)) {
                out.add(new JsonPrimitive(s));
            }
            return out;
        }
        boolean booleans = typeClass == H5T_ENUM && isH5pyBoolean(type);
        long numberType = typeClass == H5T_ENUM ? H5Tget_super(type) : type;
        try {
            DataType dataType = Hdf5.dataType(numberType);
            if (dataType == null) {
                out.add(new JsonPrimitive("<HDF5 attribute of type class " + typeClass + ">"));
                return out;
            }
            Object array = dataType.allocate(n);
            try (Pointer buffer = Hdf5.buffer(dataType, array)) {
                Hdf5.check(H5Aread(attribute, Hdf5.memoryType(dataType), buffer), () -> "cannot read an attribute");
                Hdf5.copy(buffer, dataType, array);
            }
            for (int i = 0; i < n; i++) {
                out.add(booleans ? new JsonPrimitive(dataType.get(array, i) != 0) : number(dataType, array, i));
            }
            return out;
        } finally {
            if (numberType != type) {
                H5Tclose(numberType);
            }
        }
    }

    private static JsonPrimitive number(DataType type, Object array, int i) {
        if (type == DataType.UINT64) {
            long v = ((long[]) array)[i];
            return new JsonPrimitive(v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64)));
        }
        if (type.floating()) {
            return new JsonPrimitive(type.get(array, i));
        }
        return new JsonPrimitive((long) type.get(array, i));
    }

    private static boolean isH5pyBoolean(long type) {
        if (H5Tget_nmembers(type) != 2) {
            return false;
        }
        BytePointer first = H5Tget_member_name(type, 0);
        BytePointer second = H5Tget_member_name(type, 1);
        return "FALSE".equals(first.getString()) && "TRUE".equals(second.getString());
    }

    private static List<String> strings(long attribute, long type, int n) throws IOException {
        List<String> out = new ArrayList<>(n);
        if (H5Tis_variable_str(type) > 0) {
            long memory = H5Tcopy(H5T_C_S1_g());
            H5Tset_size(memory, H5T_VARIABLE);
            H5Tset_cset(memory, H5Tget_cset(type));
            long space = H5Aget_space(attribute);
            try (PointerPointer<BytePointer> pointers = new PointerPointer<>(n)) {
                Hdf5.check(H5Aread(attribute, memory, pointers), () -> "cannot read a string attribute");
                for (int i = 0; i < n; i++) {
                    BytePointer s = pointers.get(BytePointer.class, i);
                    out.add(s == null ? "" : s.getString(StandardCharsets.UTF_8));
                }
                H5Treclaim(memory, space, H5P_DEFAULT, pointers);
            } finally {
                H5Sclose(space);
                H5Tclose(memory);
            }
            return out;
        }
        int size = (int) H5Tget_size(type);
        byte[] bytes = new byte[size * n];
        try (BytePointer buffer = new BytePointer(bytes.length)) {
            Hdf5.check(H5Aread(attribute, type, buffer), () -> "cannot read a string attribute");
            buffer.get(bytes);
        }
        boolean spacePadded = H5Tget_strpad(type) == H5T_STR_SPACEPAD;
        for (int i = 0; i < n; i++) {
            int end = (i + 1) * size;
            while (end > i * size && (bytes[end - 1] == 0 || (spacePadded && bytes[end - 1] == ' '))) {
                end--;
            }
            out.add(new String(bytes, i * size, end - i * size, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static JsonElement nest(List<JsonElement> values, long[] dims, int axis, int start) {
        JsonArray array = new JsonArray();
        int stride = 1;
        for (int d = axis + 1; d < dims.length; d++) {
            stride *= (int) dims[d];
        }
        for (int i = 0; i < dims[axis]; i++) {
            array.add(axis == dims.length - 1 ? values.get(start + i) : nest(values, dims, axis + 1, start + i * stride));
        }
        return array;
    }

    static void write(long object, String name, JsonElement value, String where) throws IOException {
        if (H5Aexists(object, name) > 0) {
            Hdf5.check(H5Adelete(object, name), () -> "cannot replace attribute " + name + " of " + where);
        }
        List<Long> dims = new ArrayList<>();
        List<JsonElement> leaves = new ArrayList<>();
        boolean rectangular = flatten(value, 0, dims, leaves);
        Kind kind = rectangular ? Kind.of(leaves) : null;
        if (kind == null) {
            kind = Kind.STRING;
            dims.clear();
            leaves = List.of(new JsonPrimitive(value.toString()));
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long space = shape.length == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(shape.length, shape, (long[]) null);
        long type = kind.fileType();
        try {
            long attribute = Hdf5.check(H5Acreate2(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT),
                    () -> "cannot create attribute " + name + " of " + where);
            try {
                kind.write(attribute, type, leaves);
            } finally {
                H5Aclose(attribute);
            }
        } finally {
            H5Tclose(type);
            H5Sclose(space);
        }
    }

    /** Flattens a rectangular nest of arrays into its shape and leaves; false if it is not rectangular. */
    private static boolean flatten(JsonElement value, int axis, List<Long> dims, List<JsonElement> leaves) {
        if (!value.isJsonArray()) {
            if (axis != dims.size()) {
                return false;
            }
            leaves.add(value);
            return true;
        }
        JsonArray array = value.getAsJsonArray();
        if (array.isEmpty()) {
            return false;
        }
        if (axis == dims.size()) {
            dims.add((long) array.size());
        } else if (axis > dims.size() || dims.get(axis) != array.size()) {
            return false;
        }
        for (JsonElement e : array) {
            if (!flatten(e, axis + 1, dims, leaves)) {
                return false;
            }
        }
        return true;
    }

    /** The HDF5 type a list of JSON leaves is stored as. */
    private enum Kind {
        INTEGER, FLOAT, BOOLEAN, STRING;

        static Kind of(List<JsonElement> leaves) {
            Kind kind = null;
            for (JsonElement leaf : leaves) {
                Kind k = leafKind(leaf);
                if (k == null || (kind != null && kind != k && !(isNumber(kind) && isNumber(k)))) {
                    return null;
                }
                kind = kind == null || k == FLOAT ? k : kind;
            }
            return kind;
        }

        private static boolean isNumber(Kind k) {
            return k == INTEGER || k == FLOAT;
        }

        private static Kind leafKind(JsonElement leaf) {
            if (leaf == null || leaf instanceof JsonNull || !leaf.isJsonPrimitive()) {
                return null;
            }
            JsonPrimitive p = leaf.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return BOOLEAN;
            }
            if (p.isString()) {
                return STRING;
            }
            try {
                p.getAsBigDecimal().longValueExact();
                return p.getAsString().matches("-?\\d+") ? INTEGER : FLOAT;
            } catch (ArithmeticException e) {
                return FLOAT;
            }
        }

        long fileType() throws IOException {
            return switch (this) {
                case INTEGER -> H5Tcopy(H5T_STD_I64LE_g());
                case FLOAT -> H5Tcopy(H5T_IEEE_F64LE_g());
                case BOOLEAN -> {
                    long type = H5Tenum_create(H5T_NATIVE_INT8_g());
                    try (BytePointer v = new BytePointer(1)) {
                        v.put(0, (byte) 0);
                        H5Tenum_insert(type, "FALSE", v);
                        v.put(0, (byte) 1);
                        H5Tenum_insert(type, "TRUE", v);
                    }
                    yield type;
                }
                case STRING -> {
                    long type = H5Tcopy(H5T_C_S1_g());
                    H5Tset_size(type, H5T_VARIABLE);
                    H5Tset_cset(type, H5T_CSET_UTF8);
                    yield type;
                }
            };
        }

        void write(long attribute, long type, List<JsonElement> leaves) throws IOException {
            int n = leaves.size();
            switch (this) {
                case INTEGER -> {
                    long[] values = new long[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = leaves.get(i).getAsLong();
                    }
                    writeArray(attribute, DataType.INT64, values);
                }
                case FLOAT -> {
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = leaves.get(i).getAsDouble();
                    }
                    writeArray(attribute, DataType.FLOAT64, values);
                }
                case BOOLEAN -> {
                    byte[] values = new byte[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = (byte) (leaves.get(i).getAsBoolean() ? 1 : 0);
                    }
                    try (BytePointer buffer = new BytePointer(values)) {
                        Hdf5.check(H5Awrite(attribute, type, buffer), () -> "cannot write a boolean attribute");
                    }
                }
                case STRING -> {
                    List<BytePointer> strings = new ArrayList<>();
                    try (PointerPointer<BytePointer> pointers = new PointerPointer<>(n)) {
                        for (int i = 0; i < n; i++) {
                            BytePointer s = new BytePointer(leaves.get(i).getAsString(), StandardCharsets.UTF_8);
                            strings.add(s);
                            pointers.put(i, s);
                        }
                        Hdf5.check(H5Awrite(attribute, type, pointers), () -> "cannot write a string attribute");
                    } finally {
                        strings.forEach(BytePointer::close);
                    }
                }
            }
        }

        private static void writeArray(long attribute, DataType type, Object values) throws IOException {
            try (Pointer buffer = Hdf5.buffer(type, values)) {
                Hdf5.check(H5Awrite(attribute, Hdf5.memoryType(type), buffer), () -> "cannot write a numeric attribute");
            }
        }
    }
}
