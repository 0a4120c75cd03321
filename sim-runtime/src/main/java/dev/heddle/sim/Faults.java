package dev.heddle.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the faults of one run did: the kinds configured and how often each fired, in the order
 * first named. Each firing is a trace event, so two runs whose faults differ are told apart.
 * Touched only from the simulation's carrier (tasks and timers, one at a time).
 */
final class Faults {
    private final Map<String, FaultRecord> records = new LinkedHashMap<>();
    private final Trace trace;

    Faults(Trace trace) {
        this.trace = trace;
    }

    void configured(String name) {
        FaultRecord r = records.get(checked(name));
        records.put(name, new FaultRecord(name, true, r == null ? 0 : r.fired()));
    }

    void fired(String name) {
        FaultRecord r = records.get(checked(name));
        FaultRecord now = r == null ? new FaultRecord(name, false, 1) : new FaultRecord(name, r.configured(),
                r.fired() + 1);
        records.put(name, now);
        trace.fault(name, now.fired());
    }

    long count(String name) {
        FaultRecord r = records.get(name);
        return r == null ? 0 : r.fired();
    }

    /** How many faults of every kind have fired so far. */
    long firedSoFar() {
        long fired = 0;
        for (FaultRecord r : records.values()) {
            fired += r.fired();
        }
        return fired;
    }

    List<FaultRecord> records() {
        return new ArrayList<>(records.values());
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("fault name \"" + name + "\" is blank: name the kind, as \"net.drop\"");
        }
        return name;
    }
}
