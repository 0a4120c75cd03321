package dev.heddle.sim;

import dev.heddle.json.JsonWriter;

import java.util.List;

/**
 * One line of a trace file as {@link TraceRecorder} builds it: a JSON object whose fields are
 * appended in order, with nothing but strings, integers and lists of strings or integers, so
 * that the line needs no general JSON library to write or to read back. Strings are written
 * {@link JsonWriter#stringForScript for a script}, so that {@code heddle trace} can put each line as
 * it is inside its page.
 */
final class TraceLine {
    private final StringBuilder json = new StringBuilder(96);

    /** A line of kind {@code e}, at event index {@code i} and true virtual time {@code t} in nanoseconds. */
    TraceLine(String e, long i, long t) {
        json.append("{\"e\":\"").append(e).append("\",\"i\":").append(i).append(",\"t\":").append(t);
    }

    /** A line without the index and time that every event line has: the file's header. */
    TraceLine() {
        json.append('{');
    }

    TraceLine number(String key, long value) {
        key(key).append(value);
        return this;
    }

    TraceLine text(String key, String value) {
        JsonWriter.stringForScript(value, key(key));
        return this;
    }

    TraceLine texts(String key, List<String> values) {
        StringBuilder sb = key(key).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            JsonWriter.stringForScript(values.get(i), sb);
        }
        sb.append(']');
        return this;
    }

    TraceLine numbers(String key, List<Long> values) {
        StringBuilder sb = key(key).append('[');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i > 0 ? "," : "").append(values.get(i));
        }
        sb.append(']');
        return this;
    }

    private StringBuilder key(String key) {
        if (json.length() > 1) {
            json.append(',');
        }
        return json.append('"').append(key).append("\":");
    }

    @Override
    public String toString() {
        return json + "}";
    }
}
