package dev.heddle.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The assertions of one run in the style of Antithesis and FoundationDB's code probes: how
 * often each named {@code always}, {@code sometimes} and {@code reachable} point was met,
 * and whether each {@code sometimes} point was ever true. Touched only from the simulation's
 * carrier, so it needs no locking.
 */
final class Probes {
    /** Probe name to its record, in the order first met. */
    private final Map<String, ProbeRecord> records = new LinkedHashMap<>();

    /** {@code detail} is null for none. */
    void always(String name, boolean condition, Supplier<String> detail) {
        meet(name, ProbeRecord.Kind.ALWAYS, condition);
        if (!condition) {
            throw new AssertionError("always(\"" + name + "\") was false" + detailed(detail));
        }
    }

    void sometimes(String name, boolean condition) {
        meet(name, ProbeRecord.Kind.SOMETIMES, condition);
    }

    void reachable(String name) {
        meet(name, ProbeRecord.Kind.REACHABLE, true);
    }

    void unreachable(String name, Supplier<String> detail) {
        meet(name, ProbeRecord.Kind.UNREACHABLE, false);
        throw new AssertionError("unreachable(\"" + name + "\") was reached" + detailed(detail));
    }

    private static String detailed(Supplier<String> detail) {
        return detail == null ? "" : ": " + detail.get();
    }

    Map<String, ProbeRecord> records() {
        return records;
    }

    private void meet(String name, ProbeRecord.Kind kind, boolean condition) {
        ProbeRecord r = records.get(name);
        if (r == null) {
            r = ProbeRecord.unmet(name, kind);
        } else if (r.kind() != kind) {
            throw new IllegalArgumentException("probe '" + name + "' is used as " + kind + " here and as "
                    + r.kind() + " elsewhere; give each probe one kind");
        }
        records.put(name, r.met(condition));
    }
}
