package dev.heddle.sim.internal;

import dev.heddle.sim.ProbeRecord;
import dev.heddle.sim.SimulationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The probes of many runs together, for the summary at the end of a sweep: which
 * {@code sometimes} conditions never held and which {@code reachable} points no seed reached.
 * A probe that is never executed at all cannot be seen; name such points in
 * {@link #expect(String...)} so that they are listed too, and so that {@link #missedExpectations()}
 * can tell a sweep that must hit them that it did not.
 */
public final class ProbeSummary {
    private final Map<String, ProbeRecord> merged = new LinkedHashMap<>();
    /** Names declared by {@link #expect}; a name still here with no run's record was never executed. */
    private final Set<String> expected = new LinkedHashSet<>();
    /** Expected names not yet met by any run: their records are placeholders until a run brings the real kind. */
    private final Set<String> neverExecuted = new LinkedHashSet<>();

    /**
     * Adds the probes of one run.
     *
     * @throws IllegalArgumentException if an expected probe turns out to be an {@code always} or
     *         {@code unreachable} probe, which cannot be "hit"
     */
    public void add(SimulationResult run) {
        for (ProbeRecord r : run.probes()) {
            if (neverExecuted.remove(r.name())) {
                merged.put(r.name(), ProbeRecord.unmet(r.name(), r.kind()));
            }
            if (expected.contains(r.name())
                    && (r.kind() == ProbeRecord.Kind.ALWAYS || r.kind() == ProbeRecord.Kind.UNREACHABLE)) {
                throw new IllegalArgumentException("probe '" + r.name() + "' is expected to be hit, but the code uses"
                        + " it as " + r.kind() + "; expect only sometimes and reachable probes");
            }
            merged.merge(r.name(), r, ProbeRecord::plus);
        }
    }

    /**
     * Declares {@code sometimes} or {@code reachable} points that some run must satisfy, so that
     * they are listed even if no run executes them.
     */
    public void expect(String... names) {
        for (String name : names) {
            expected.add(name);
            if (!merged.containsKey(name)) {
                merged.put(name, ProbeRecord.unmet(name, ProbeRecord.Kind.REACHABLE));
                neverExecuted.add(name);
            }
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

    /** The probes declared with {@link #expect} that no run satisfied, executed or not. */
    public List<ProbeRecord> missedExpectations() {
        return unsatisfied().stream().filter(r -> expected.contains(r.name())).toList();
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
            sb.append("\n  ").append(describe(r));
        }
        return sb.toString();
    }

    /** What went wrong with one unsatisfied probe, in words. */
    public String describe(ProbeRecord r) {
        String expectation = expected.contains(r.name()) ? " (expected)" : "";
        if (neverExecuted.contains(r.name())) {
            return "reachable(\"" + r.name() + "\") was never reached" + expectation
                    + ": no seed executed a sometimes or reachable probe of that name";
        }
        return r.kind() == ProbeRecord.Kind.SOMETIMES
                ? "sometimes(\"" + r.name() + "\") was met " + r.met() + " times and never true" + expectation
                : "reachable(\"" + r.name() + "\") was never reached" + expectation;
    }
}
