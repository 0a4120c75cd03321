package dev.heddle.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes down every decision of one run as it is made, for its {@link DecisionLog}: three longs
 * an entry (stream and kind, bound, value) appended to one primitive array, so that a passing
 * run, whose log nobody reads, pays a few stores a decision. The log is made only when asked
 * ({@link #log}), on a failure, as a copy. Touched only from the simulation's carrier, whose
 * array it keeps for the next run on that carrier (runs on one carrier follow each other), so
 * that a sweep does not allocate and zero a new one for every seed.
 */
final class DecisionRecorder {
    private static final ThreadLocal<long[]> CARRIER_ARRAY = ThreadLocal.withInitial(() -> new long[3 * 1024]);

    private long[] entries = CARRIER_ARRAY.get();
    private int size;
    private final List<String> streams = new ArrayList<>();
    private final Map<String, Integer> streamsByName = new HashMap<>();
    /** The tasks of the run by key, with their names, in spawn order: what TASK entries name. */
    private final Map<Long, String> tasks = new java.util.LinkedHashMap<>();
    private long contextSwitches;

    /**
     * A new stream of decisions named {@code name} ({@code "user"}, {@code "network"}, ...): its
     * number in the log. A second stream of the same name is {@code name#2}, and so on.
     */
    int stream(String name) {
        String unique = name;
        for (int n = 2; streamsByName.containsKey(unique); n++) {
            unique = name + "#" + n;
        }
        streamsByName.put(unique, streams.size());
        streams.add(unique);
        return streams.size() - 1;
    }

    String streamName(int stream) {
        return streams.get(stream);
    }

    void draw(int stream, DrawKind kind, long bound, long value) {
        if (3 * size + 3 > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
            CARRIER_ARRAY.set(entries);
        }
        int k = 3 * size++;
        entries[k] = (long) stream << 8 | kind.ordinal();
        entries[k + 1] = bound;
        entries[k + 2] = value;
    }

    void task(long key, String name) {
        tasks.put(key, name);
    }

    /** A step set aside the task that ran the step before, which was still ready. */
    void contextSwitch() {
        contextSwitches++;
    }

    int size() {
        return size;
    }

    /** The log of the first {@code upTo} decisions, with the facts of the run that made them. */
    DecisionLog log(long seed, int upTo, DecisionLog.RunFacts facts) {
        return new DecisionLog(seed, List.copyOf(streams), tasks, Arrays.copyOf(entries, 3 * upTo), upTo,
                true, facts.withContextSwitches(contextSwitches), Map.of());
    }
}
