package dev.heddle.check.model;

import dev.heddle.check.Model;
import dev.heddle.check.ObservedStates;
import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;
import dev.heddle.check.fast.UniqueTokenKvDecider;
import dev.heddle.check.fast.UnreachableKvValueRefuter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Comparator;

/**
 * A key-value store of strings, every key starting as {@code ""}: {@code get} (output the value;
 * {@code null} reads as {@code ""}), {@code put} (input the new value), {@code append} (input
 * the suffix) and {@code cas} (input {@code [expected new]}, output {@code true} when the value
 * was {@code expected} and is now {@code new}, {@code false} when the compare failed), each on
 * the operation's key. As in {@link CasRegisterModel}, a failed {@code cas} completion is an
 * observation that the compare failed, and a completed one whose output is not a boolean
 * succeeded. Keys are independent, so the history is checked one key at a time unless built
 * {@link #unpartitioned()}.
 */
public final class KeyValueModel implements Model<Map<Object, String>> {
    private static final String OPERATIONS = "get, put, append, cas";

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
        switch (op.f()) {
            case "get", "put", "append" -> {
                return op.status() == Status.FAILED ? null : op;
            }
            case "cas" -> {
                return CasRegisterModel.prepareCas(op);
            }
            default -> throw RegisterModel.unknownOperation(name(), op, OPERATIONS);
        }
    }

    @Override
    public Map<Object, String> step(Map<Object, String> state, Operation op) {
        if (state == FORGOTTEN) {
            return switch (op.f()) {
                case "get" -> op.status() == Status.UNKNOWN ? state : null;
                case "put" -> with(Map.of(), op.key(), text(op.input()));
                case "append" -> state;
                case "cas" -> throw new IllegalStateException("a cas in a part whose values were forgotten: "
                        + op + "; observedStates must not forget the values of a key with a cas");
                default -> throw RegisterModel.unknownOperation(name(), op, OPERATIONS);
            };
        }
        String current = state.getOrDefault(op.key(), "");
        return switch (op.f()) {
            case "get" -> op.status() == Status.UNKNOWN || current.equals(text(op.output())) ? state : null;
            case "put" -> with(state, op.key(), text(op.input()));
            case "append" -> with(state, op.key(), current + text(op.input()));
            case "cas" -> casStep(state, op, current);
            default -> throw RegisterModel.unknownOperation(name(), op, OPERATIONS);
        };
    }

    /** A compare-and-set of {@code op}'s key, whose value is {@code current}. */
    private static Map<Object, String> casStep(Map<Object, String> state, Operation op, String current) {
        List<?> args = (List<?>) op.input();
        boolean matches = current.equals(text(args.get(0)));
        if (op.status() == Status.UNKNOWN) {
            return matches ? with(state, op.key(), text(args.get(1))) : state;
        }
        if (Boolean.TRUE.equals(op.output())) {
            return matches ? with(state, op.key(), text(args.get(1))) : null;
        }
        return matches ? null : state;
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
        return op.f().equals("get") || (op.f().equals("cas") && op.status() == Status.OK
                && Boolean.FALSE.equals(op.output()));
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
        if (state == FORGOTTEN) {
            return "(a value no get left reads)";
        }
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
        return a == FORGOTTEN || b == FORGOTTEN ? a == b : Objects.equals(a, b);
    }

    @Override
    public int hash(Map<Object, String> state) {
        return state == FORGOTTEN ? 0x5EED : state.hashCode();
    }

    /**
     * A value of one key that no get left can read: every get not yet linearized reads a value
     * that does not start with it. Appends keep it so (a get that read an extension would start
     * with it), a put replaces it, and every get is illegal in it, which makes all such values
     * one state: {@link #FORGOTTEN}. Used by the search on a partitioned model's parts, one key
     * each ({@link #observedStates}).
     */
    private static final Map<Object, String> FORGOTTEN = Collections.unmodifiableMap(new HashMap<>());

    @Override
    public Optional<ObservedStates<Map<Object, String>>> observedStates(List<Operation> part) {
        if (!partitioned || part.stream().anyMatch(op -> op.f().equals("cas"))) {
            return Optional.empty(); // a cas observes the value as a get does, but UnreadValues only knows gets
        }
        return Optional.of(new UnreadValues(part));
    }

    /**
     * The values the completed gets not yet linearized read, and when they were called; and when
     * the completed puts not yet linearized returned. A put resets the value, and one that
     * returned before a get was called comes before it: so only gets called by the first such
     * return (the horizon) can read what the value is now, or what appends make of it. Gets are
     * kept by call and puts by return, each with the first not yet linearized, so that a
     * lookup scans only the gets called up to the horizon and allocates nothing.
     */
    private static final class UnreadValues implements ObservedStates<Map<Object, String>> {
        private final int[] getOf; // the part's index -> index among gets (by call), or -1
        private final int[] putOf; // the part's index -> index among puts (by return), or -1
        private final long[] getCall;
        private final String[] getValue;
        private final boolean[] getDone;
        private final long[] putReturn;
        private final boolean[] putDone;
        private int firstGet;
        private int firstPut;

        UnreadValues(List<Operation> part) {
            getOf = new int[part.size()];
            putOf = new int[part.size()];
            List<Integer> gets = new ArrayList<>();
            List<Integer> puts = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                Operation op = part.get(i);
                getOf[i] = -1;
                putOf[i] = -1;
                if (op.status() == Status.OK && op.f().equals("get")) {
                    gets.add(i);
                } else if (op.status() == Status.OK && op.f().equals("put")) {
                    puts.add(i);
                }
            }
            gets.sort(Comparator.comparingLong(i -> part.get(i).call()));
            puts.sort(Comparator.comparingLong(i -> part.get(i).ret()));
            getCall = new long[gets.size()];
            getValue = new String[gets.size()];
            getDone = new boolean[gets.size()];
            for (int g = 0; g < gets.size(); g++) {
                getOf[gets.get(g)] = g;
                getCall[g] = part.get(gets.get(g)).call();
                getValue[g] = text(part.get(gets.get(g)).output());
            }
            putReturn = new long[puts.size()];
            putDone = new boolean[puts.size()];
            for (int p = 0; p < puts.size(); p++) {
                putOf[puts.get(p)] = p;
                putReturn[p] = part.get(puts.get(p)).ret();
            }
        }

        @Override
        public void linearized(int op) {
            if (getOf[op] >= 0) {
                getDone[getOf[op]] = true;
            } else if (putOf[op] >= 0) {
                putDone[putOf[op]] = true;
            }
        }

        @Override
        public void unlinearized(int op) {
            if (getOf[op] >= 0) {
                getDone[getOf[op]] = false;
                firstGet = Math.min(firstGet, getOf[op]);
            } else if (putOf[op] >= 0) {
                putDone[putOf[op]] = false;
                firstPut = Math.min(firstPut, putOf[op]);
            }
        }

        @Override
        public Map<Object, String> collapse(Map<Object, String> state) {
            if (state == FORGOTTEN || state.size() > 1) {
                return state;
            }
            String value = state.isEmpty() ? "" : state.values().iterator().next();
            while (firstGet < getDone.length && getDone[firstGet]) {
                firstGet++;
            }
            while (firstPut < putDone.length && putDone[firstPut]) {
                firstPut++;
            }
            long horizon = firstPut < putDone.length ? putReturn[firstPut] : Long.MAX_VALUE;
            for (int g = firstGet; g < getDone.length && getCall[g] <= horizon; g++) {
                if (!getDone[g] && getValue[g].startsWith(value)) {
                    return state;
                }
            }
            return FORGOTTEN;
        }
    }
}
