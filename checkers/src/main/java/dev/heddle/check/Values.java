package dev.heddle.check;

import java.util.List;

/**
 * Operation values: {@code null}, {@link Long}, {@link String}, {@link Boolean} and lists of them.
 * Readers produce these, models compare them; this class prints them the same way everywhere.
 */
public final class Values {
    private Values() {
    }

    /** A value as a person reads it: {@code nil}, {@code 3}, {@code "x"}, {@code [1 2]}. */
    public static String show(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(show(list.get(i)));
            }
            return text.append(']').toString();
        }
        return value.toString();
    }

    /** Numbers of any integral boxed type as a {@link Long}, so {@code 3} equals {@code 3L}. */
    public static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::normalize).toList();
        }
        return value;
    }
}
