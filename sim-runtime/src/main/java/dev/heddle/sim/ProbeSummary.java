package dev.heddle.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probes of many runs together, for the summary at the end of a sweep: which
 * {@code sometimes} conditions never held and which {@code reachable} points no seed reached.
 * A probe that is never executed at all cannot be seen; name such points in
 * {@link #expect(String...)} so that they are listed too.
 */
public final class ProbeSummary {
    private final Map<String, ProbeRecord> merged = new LinkedHashMap<>();

    /** Adds the probes of one run. */
    public void add(SimulationResult run) {
        for (ProbeRecord r : run.probes()) {
            ProbeRecord m = merged.computeIfAbsent(r.name(), n -> new ProbeRecord(n, r.kind()));
            m.add(r);
        }
    }

    /** Declares {@code reachable} points that must be reached even if no run executes them. */
    public void expect(String... reachable) {
        for (String name : reachable) {
            merged.computeIfAbsent(name, n -> new ProbeRecord(n, ProbeRecord.Kind.REACHABLE));
        }
    }

    /** The {@code sometimes} and {@code reachable} probes that no run satisfied, in first-seen order. */
    public List<ProbeRecord> unsatisfied() {
        List<ProbeRecord> missing = new ArrayList<>();
        for (ProbeRecord r : merged.values()) {
            if ((r.kind() == ProbeRecord.Kind.SOMETIMES || r.kind() == ProbeRecord.Kind.REACHABLE) && !r.satisfied()) {
                missing.add(r);
            }
        }
        return missing;
    }

    /** Every probe seen, with its tallies. */
    public List<ProbeRecord> all() {
        return new ArrayList<>(merged.values());
    }

    /** One line per unsatisfied probe, or a line saying that every probe was satisfied. */
    public String report(long seeds) {
        List<ProbeRecord> missing = unsatisfied();
        if (missing.isEmpty()) {
            return merged.isEmpty() ? "" : "probes: all " + merged.size() + " satisfied over " + seeds + " seeds";
        }
        StringBuilder sb = new StringBuilder("probes not satisfied by any of " + seeds + " seeds:");
        for (ProbeRecord r : missing) {
            sb.append("\n  ").append(r.kind() == ProbeRecord.Kind.SOMETIMES
                    ? "sometimes(\"" + r.name() + "\") was met " + r.met() + " times and never true"
                    : "reachable(\"" + r.name() + "\") was never reached");
        }
        return sb.toString();
    }
}
