package dev.heddle.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Linearizable histories by construction: each client issues operations one after another over
 * random intervals, each operation takes effect at a random point inside its interval, and a
 * sequential object applied in the order of those points gives the outputs.
 */
public final class RandomHistories {
    private RandomHistories() {
    }

    /** An operation slot: who, when, and the point where it takes effect. */
    public record Slot(int client, long call, long ret, long point) {
    }

    public static List<Slot> slots(Random random, int clients, int opsPerClient, int maxGap, int maxLength) {
        List<Slot> slots = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            long time = random.nextInt(maxGap + 1);
            for (int i = 0; i < opsPerClient; i++) {
                long call = time;
                long ret = call + random.nextInt(maxLength + 1);
                long point = call + (ret == call ? 0 : random.nextLong(ret - call + 1));
                slots.add(new Slot(client, call * 2, ret * 2, point * 2));
                time = ret + 1 + random.nextInt(maxGap + 1);
            }
        }
        // Distinct points (ties broken by client) so that the sequential order is well defined.
        slots.sort(Comparator.comparingLong(Slot::point).thenComparingInt(Slot::client));
        return slots;
    }

    public static History register(Random random, int clients, int opsPerClient) {
        Object value = null;
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            if (random.nextBoolean()) {
                long v = random.nextInt(5);
                value = v;
                ops.add(Operation.ok(s.client(), "write", null, v, null, s.call(), s.ret()));
            } else {
                ops.add(Operation.ok(s.client(), "read", null, null, value, s.call(), s.ret()));
            }
        }
        return new History(ops);
    }

    public static History queue(Random random, int clients, int opsPerClient, boolean allowEmptyDequeues) {
        ArrayDeque<Long> queue = new ArrayDeque<>();
        long next = 0;
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            if (random.nextBoolean() || (queue.isEmpty() && !allowEmptyDequeues)) {
                long v = next++;
                queue.addLast(v);
                ops.add(Operation.ok(s.client(), "enqueue", null, v, null, s.call(), s.ret()));
            } else {
                ops.add(Operation.ok(s.client(), "dequeue", null, null, queue.pollFirst(), s.call(), s.ret()));
            }
        }
        return new History(ops);
    }

    /** Each value is added at most once and removed at most once, so the fast path applies. */
    public static History uniqueSet(Random random, int clients, int opsPerClient, int values) {
        Set<Long> set = new HashSet<>();
        Set<Long> added = new HashSet<>();
        Set<Long> removed = new HashSet<>();
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            long v = random.nextInt(values);
            int kind = random.nextInt(3);
            if (kind == 0 && !added.contains(v)) {
                added.add(v);
                set.add(v);
                ops.add(Operation.ok(s.client(), "add", null, v, true, s.call(), s.ret()));
            } else if (kind == 1 && set.contains(v) && !removed.contains(v)) {
                removed.add(v);
                set.remove(v);
                ops.add(Operation.ok(s.client(), "remove", null, v, true, s.call(), s.ret()));
            } else if (kind == 1 && !set.contains(v)) {
                ops.add(Operation.ok(s.client(), "remove", null, v, false, s.call(), s.ret()));
            } else if (kind == 0 && set.contains(v)) {
                ops.add(Operation.ok(s.client(), "add", null, v, false, s.call(), s.ret()));
            } else {
                ops.add(Operation.ok(s.client(), "contains", null, v, set.contains(v), s.call(), s.ret()));
            }
        }
        return new History(ops);
    }

    public static History keyValue(Random random, int clients, int opsPerClient, int keys) {
        Map<Object, String> store = new HashMap<>();
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            String key = Integer.toString(random.nextInt(keys));
            String current = store.getOrDefault(key, "");
            switch (random.nextInt(3)) {
                case 0 -> ops.add(Operation.ok(s.client(), "get", key, null, current, s.call(), s.ret()));
                case 1 -> {
                    String v = "p" + random.nextInt(3);
                    store.put(key, v);
                    ops.add(Operation.ok(s.client(), "put", key, v, null, s.call(), s.ret()));
                }
                default -> {
                    String v = "a" + random.nextInt(3);
                    store.put(key, current + v);
                    ops.add(Operation.ok(s.client(), "append", key, v, null, s.call(), s.ret()));
                }
            }
        }
        return new History(ops);
    }

    /**
     * A register (or, with {@code cas}, CAS-register) history where every value is written once,
     * as Jepsen generates them: writes of fresh values, reads, and compare-and-sets from the
     * value the client last saw (or, now and then, an older one) to a fresh value. Some
     * operations crash: their status is unknown, and they took effect or not at random.
     */
    public static History uniqueRegister(Random random, int clients, int opsPerClient, boolean cas) {
        Object value = null;
        List<Object> written = new ArrayList<>();
        written.add(null);
        Object[] lastSeen = new Object[clients];
        long next = 1;
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            boolean crash = random.nextInt(10) == 0;
            boolean takesEffect = !crash || random.nextBoolean();
            int kind = random.nextInt(cas ? 3 : 2);
            int c = s.client();
            if (kind == 0) {
                long v = next++;
                if (takesEffect) {
                    value = v;
                }
                written.add(v);
                lastSeen[c] = v;
                ops.add(crash ? Operation.unknown(c, "write", null, v, s.call())
                        : Operation.ok(c, "write", null, v, null, s.call(), s.ret()));
            } else if (kind == 1) {
                lastSeen[c] = value;
                ops.add(crash ? Operation.unknown(c, "read", null, null, s.call())
                        : Operation.ok(c, "read", null, null, value, s.call(), s.ret()));
            } else {
                Object expected = random.nextInt(4) == 0 ? written.get(random.nextInt(written.size())) : lastSeen[c];
                long v = next++;
                boolean swapped = java.util.Objects.equals(value, expected) && takesEffect;
                if (swapped) {
                    value = v;
                }
                written.add(v);
                lastSeen[c] = swapped ? v : lastSeen[c];
                List<Object> args = java.util.Arrays.asList(expected, v);
                ops.add(crash ? Operation.unknown(c, "cas", null, args, s.call())
                        : Operation.ok(c, "cas", null, args, swapped, s.call(), s.ret()));
            }
        }
        return new History(ops);
    }

    /**
     * A key-value history on {@code keys} keys where every put and append writes a unique token
     * ({@code "p7;"}, {@code "a8;"}); some operations crash as in {@link #uniqueRegister}.
     */
    public static History uniqueKeyValue(Random random, int clients, int opsPerClient, int keys) {
        Map<Object, String> store = new HashMap<>();
        long next = 0;
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            String key = Integer.toString(random.nextInt(keys));
            String current = store.getOrDefault(key, "");
            boolean crash = random.nextInt(10) == 0;
            boolean takesEffect = !crash || random.nextBoolean();
            int c = s.client();
            switch (random.nextInt(3)) {
                case 0 -> ops.add(crash ? Operation.unknown(c, "get", key, null, s.call())
                        : Operation.ok(c, "get", key, null, current, s.call(), s.ret()));
                case 1 -> {
                    String v = "p" + next++ + ";";
                    if (takesEffect) {
                        store.put(key, v);
                    }
                    ops.add(crash ? Operation.unknown(c, "put", key, v, s.call())
                            : Operation.ok(c, "put", key, v, null, s.call(), s.ret()));
                }
                default -> {
                    String v = "a" + next++ + ";";
                    if (takesEffect) {
                        store.put(key, current + v);
                    }
                    ops.add(crash ? Operation.unknown(c, "append", key, v, s.call())
                            : Operation.ok(c, "append", key, v, null, s.call(), s.ret()));
                }
            }
        }
        return new History(ops);
    }

    /**
     * A register (or CAS-register) history whose writes and swaps draw values from 0 to 2, so
     * that values repeat and the unique-value deciders decline; some operations crash as in
     * {@link #uniqueRegister}. A compare-and-set expects the value its client last saw, or now and
     * then any of the values.
     */
    public static History repeatedRegister(Random random, int clients, int opsPerClient, boolean cas) {
        Object value = null;
        Object[] lastSeen = new Object[clients];
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            boolean crash = random.nextInt(8) == 0;
            boolean takesEffect = !crash || random.nextBoolean();
            int c = s.client();
            long v = random.nextInt(3);
            switch (random.nextInt(cas ? 3 : 2)) {
                case 0 -> {
                    if (takesEffect) {
                        value = v;
                    }
                    lastSeen[c] = v;
                    ops.add(crash ? Operation.unknown(c, "write", null, v, s.call())
                            : Operation.ok(c, "write", null, v, null, s.call(), s.ret()));
                }
                case 1 -> {
                    lastSeen[c] = value;
                    ops.add(crash ? Operation.unknown(c, "read", null, null, s.call())
                            : Operation.ok(c, "read", null, null, value, s.call(), s.ret()));
                }
                default -> {
                    Object expected = random.nextInt(3) == 0 ? (Object) (long) random.nextInt(3) : lastSeen[c];
                    boolean swapped = java.util.Objects.equals(value, expected) && takesEffect;
                    if (swapped) {
                        value = v;
                    }
                    List<Object> args = java.util.Arrays.asList(expected, v);
                    ops.add(crash ? Operation.unknown(c, "cas", null, args, s.call())
                            : Operation.ok(c, "cas", null, args, swapped, s.call(), s.ret()));
                }
            }
        }
        return new History(ops);
    }

    /**
     * A key-value history on {@code keys} keys whose puts and appends write {@code "p0"} to
     * {@code "p2"} and {@code "a0"} to {@code "a2"} (repeated, not delimited); some operations
     * crash as in {@link #uniqueRegister}.
     */
    public static History repeatedKeyValue(Random random, int clients, int opsPerClient, int keys) {
        Map<Object, String> store = new HashMap<>();
        List<Operation> ops = new ArrayList<>();
        for (Slot s : slots(random, clients, opsPerClient, 3, 6)) {
            String key = Integer.toString(random.nextInt(keys));
            String current = store.getOrDefault(key, "");
            boolean crash = random.nextInt(8) == 0;
            boolean takesEffect = !crash || random.nextBoolean();
            int c = s.client();
            switch (random.nextInt(3)) {
                case 0 -> ops.add(crash ? Operation.unknown(c, "get", key, null, s.call())
                        : Operation.ok(c, "get", key, null, current, s.call(), s.ret()));
                case 1 -> {
                    String v = "p" + random.nextInt(3);
                    if (takesEffect) {
                        store.put(key, v);
                    }
                    ops.add(crash ? Operation.unknown(c, "put", key, v, s.call())
                            : Operation.ok(c, "put", key, v, null, s.call(), s.ret()));
                }
                default -> {
                    String v = "a" + random.nextInt(3);
                    if (takesEffect) {
                        store.put(key, current + v);
                    }
                    ops.add(crash ? Operation.unknown(c, "append", key, v, s.call())
                            : Operation.ok(c, "append", key, v, null, s.call(), s.ret()));
                }
            }
        }
        return new History(ops);
    }

    /** The history with operation {@code index} given {@code output} instead. */
    public static History withOutput(History history, int index, Object output) {
        List<Operation> ops = new ArrayList<>(history.operations());
        Operation op = ops.get(index);
        ops.set(index, op.withOutcome(output, op.status()));
        return new History(ops);
    }
}
