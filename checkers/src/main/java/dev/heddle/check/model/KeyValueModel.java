package dev.heddle.check.model;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;
import dev.heddle.check.fast.UniqueTokenKvDecider;
import dev.heddle.check.fast.UnreachableKvValueRefuter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A key-value store of strings, every key starting as {@code ""}: {@code get} (output the value;
 * {@code null} reads as {@code ""}), {@code put} (input the new value) and {@code append} (input
 * the suffix), each on the operation's key. Keys are independent, so the history is checked one
 * key at a time unless built {@link #unpartitioned()}.
 */
public final class KeyValueModel implements Model<Map<Object, String>> {
    private final boolean partitioned;

    private KeyValueModel(boolean partitioned) {
        this.partitioned = partitioned;
    }

    /** Checks each key separately (P-compositionality). */
    public static KeyValueModel partitioned() {
        return new KeyValueModel(true);
    }

    /** Checks the whole store as one object: slower, for comparison. */
    public static KeyValueModel unpartitioned() {
        return new KeyValueModel(false);
    }

    @Override
    public String name() {
        return partitioned ? "kv" : "kv-unpartitioned";
    }

    @Override
    public Map<Object, String> initial() {
        return Map.of();
    }

    @Override
    public Operation prepare(Operation op) {
        if (!op.f().equals("get") && !op.f().equals("put") && !op.f().equals("append")) {
            throw RegisterModel.unknownOperation(name(), op, "get, put, append");
        }
        return op.status() == Status.FAILED ? null : op;
    }

    @Override
    public Map<Object, String> step(Map<Object, String> state, Operation op) {
        String current = state.getOrDefault(op.key(), "");
        return switch (op.f()) {
            case "get" -> op.status() == Status.UNKNOWN || current.equals(text(op.output())) ? state : null;
            case "put" -> with(state, op.key(), text(op.input()));
            case "append" -> with(state, op.key(), current + text(op.input()));
            default -> throw RegisterModel.unknownOperation(name(), op, "get, put, append");
        };
    }

    /**
     * A value as this model reads it: {@code null} is {@code ""}, other non-strings as shown.
     * Handed to the refutation, so that it reads values exactly as the model does.
     */
    public static String text(Object value) {
        return value == null ? "" : value instanceof String s ? s : Values.show(value);
    }

    private static Map<Object, String> with(Map<Object, String> state, Object key, String value) {
        if (state.isEmpty()) {
            return key == null ? singletonNullKey(value) : Map.of(key, value);
        }
        // One key, as in every part of the partitioned model: no map copy.
        if (key != null && state.size() == 1 && state.containsKey(key)) {
            return Map.of(key, value);
        }
        Map<Object, String> copy = new HashMap<>(state);
        copy.put(key, value);
        return copy;
    }

    private static Map<Object, String> singletonNullKey(String value) {
        Map<Object, String> map = new HashMap<>();
        map.put(null, value);
        return map;
    }

    /** Keys where every put and append writes a unique token are decided by {@link UniqueTokenKvDecider}. */
    @Override
    public Optional<PolynomialDecider> polynomialDecider() {
        return partitioned ? Optional.of(new UniqueTokenKvDecider()) : Optional.empty();
    }

    /** Refutes a get of a value no put and appends produce at once ({@link UnreachableKvValueRefuter}). */
    @Override
    public Optional<PolynomialDecider> refutation() {
        return Optional.of(new UnreachableKvValueRefuter(KeyValueModel::text));
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("get");
    }

    @Override
    public List<List<Operation>> partition(List<Operation> operations) {
        if (!partitioned) {
            return List.of(operations);
        }
        Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : operations) {
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        return new ArrayList<>(byKey.values());
    }

    @Override
    public String partitionLabel(List<Operation> part) {
        return partitioned && !part.isEmpty() ? "key " + Values.show(part.getFirst().key()) : "";
    }

    @Override
    public String describeState(Map<Object, String> state) {
        if (partitioned && state.size() <= 1) {
            return state.isEmpty() ? "\"\"" : Values.show(state.values().iterator().next());
        }
        StringBuilder text = new StringBuilder("{");
        state.forEach((key, value) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(Values.show(key)).append(' ').append(Values.show(value));
        });
        return text.append('}').toString();
    }

    @Override
    public boolean equal(Map<Object, String> a, Map<Object, String> b) {
        return Objects.equals(a, b);
    }
}
