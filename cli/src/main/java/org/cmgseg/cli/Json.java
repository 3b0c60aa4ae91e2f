package org.cmgseg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds JSON output: objects keep insertion order, numbers are written as {@link CFormat#g17}
 * (full double precision) and non-finite numbers, which JSON cannot hold, as null.
 */
public final class Json {

    private Json() {
    }

    /** An object under construction; values are numbers, strings, booleans, lists or nested objects. */
    public static final class JsonObject {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public JsonObject put(String key, Object value) {
            fields.put(key, value);
            return this;
        }

        public Object get(String key) {
            return fields.get(key);
        }

        public Set<String> keys() {
            return fields.keySet();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            write(this, out);
            return out.toString();
        }
    }

    public static JsonObject object() {
        return new JsonObject();
    }

    public static List<Object> array() {
        return new ArrayList<>();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof JsonObject object) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> field : object.fields.entrySet()) {
                out.append(separator);
                writeString(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object element : list) {
                out.append(separator);
                write(element, out);
                separator = ", ";
            }
            out.append(']');
        } else if (value instanceof com.google.gson.JsonElement json) {
            out.append(json);
        } else if (value instanceof double[] numbers) {
            List<Object> list = new ArrayList<>();
            for (double d : numbers) {
                list.add(d);
            }
            write(list, out);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? CFormat.g17(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(value.toString(), out);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
