package dev.heddle.sim.internal;

import dev.heddle.sim.FaultRecord;
import dev.heddle.sim.ProbeRecord;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The probes and faults of many runs together, for the summary at the end of a sweep: which
 * {@code sometimes} conditions never held, which {@code reachable} points no seed reached,
 * how often each fault kind fired, and which fault kinds were configured and never fired.
 * A probe that is never executed at all cannot be seen; name such points in
 * {@link #expect(String...)} so that they are listed too, and so that {@link #missedExpectations()}
 * can tell a sweep that must hit them that it did not. Faults likewise: {@link #expectFaults}
 * names the kinds some seed must fire, and {@link #missedFaults()} those none did.
 *
 * <p>An inert fault (configured in some seed, fired in none) is always reported, loudly: a
 * fault layer that silently does nothing is the failure users of fault injection report most.
 * It fails a sweep only when the test named it, as unhit probes do, because whether a fault
 * fires depends on the sweep's length as well as its wiring: a buggify point reached once a
 * run fires in one run of sixteen, so a short sweep can rightly miss it.
 */
public final class SweepSummary {
    private final Map<String, ProbeRecord> merged = new LinkedHashMap<>();
    /** Names declared by {@link #expect}; a name still here with no run's record was never executed. */
    private final Set<String> expected = new LinkedHashSet<>();
    /** Expected names not yet met by any run: their records are placeholders until a run brings the real kind. */
    private final Set<String> neverExecuted = new LinkedHashSet<>();
    /** Fault kind to its tallies over every run, in first-seen order. */
    private final Map<String, FaultRecord> faults = new LinkedHashMap<>();
    /** Fault kind to the number of runs that configured it. */
    private final Map<String, Long> configuredIn = new LinkedHashMap<>();
    /** Fault kinds declared by {@link #expectFaults}. */
    private final Set<String> expectedFaults = new LinkedHashSet<>();
    /** Runs that ended with tasks still waiting, and the first such run. */
    private long runsLeavingTasks;
    private SimulationResult firstLeavingTasks;

    /**
     * Adds the probes and faults of one run.
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
        if (!run.tasksLeftWaiting().isEmpty() && runsLeavingTasks++ == 0) {
            firstLeavingTasks = run;
        }
        for (FaultRecord f : run.faults()) {
            faults.merge(f.name(), f, FaultRecord::plus);
            if (f.configured()) {
                configuredIn.merge(f.name(), 1L, Long::sum);
            }
        }
    }

    /** Declares fault kinds that some run must fire, so that a sweep where none did can fail. */
    public void expectFaults(String... kinds) {
        for (String kind : kinds) {
            expectedFaults.add(kind);
            faults.putIfAbsent(kind, new FaultRecord(kind, false, 0));
        }
    }

    /** Every fault kind seen or expected, with its tallies over all runs, in first-seen order. */
    public List<FaultRecord> faults() {
        return new ArrayList<>(faults.values());
    }

    /** The fault kinds some run configured and no run fired. */
    public List<FaultRecord> inertFaults() {
        return faults.values().stream().filter(FaultRecord::inert).toList();
    }

    /** The fault kinds declared with {@link #expectFaults} that no run fired, configured or not. */
    public List<FaultRecord> missedFaults() {
        return faults.values().stream().filter(f -> expectedFaults.contains(f.name()) && f.fired() == 0).toList();
    }

    /** How many runs configured fault kind {@code kind}. */
    public long configuredIn(String kind) {
        return configuredIn.getOrDefault(kind, 0L);
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

    /**
     * The sweep's summary, for information: one line per unsatisfied probe (or that all were
     * satisfied) and each fault kind's firings; empty when there were neither probes nor faults.
     */
    public String summary(long seeds) {
        List<String> parts = new ArrayList<>();
        String probes = probeReport(seeds);
        if (!probes.isEmpty()) {
            parts.add(probes);
        }
        if (!faults.isEmpty()) {
            parts.add(faultReport(seeds));
        }
        return String.join("\n", parts);
    }

    /**
     * What the sweep should not have done, one text per warning: runs that ended with tasks
     * still waiting, and fault kinds configured and never fired (inert). Kept apart from
     * {@link #summary} so that a report can raise them louder than the summary.
     */
    public List<String> warnings(long seeds) {
        List<String> warnings = new ArrayList<>();
        if (runsLeavingTasks > 0) {
            List<String> tasks = firstLeavingTasks.tasksLeftWaiting();
            warnings.add(runsLeavingTasks + " of " + seeds + " seeds ended with tasks still waiting, which"
                    + " were aborted when the test body returned; join them, or set failOnLeakedTasks to make this a"
                    + " failure. " + Simulation.hex(firstLeavingTasks.seed()) + " left " + tasks.size() + ": "
                    + String.join(", ", tasks.subList(0, Math.min(5, tasks.size())))
                    + (tasks.size() > 5 ? ", ..." : ""));
        }
        List<FaultRecord> inert = inertFaults();
        if (!inert.isEmpty()) {
            StringBuilder sb = new StringBuilder().append(inert.size())
                    .append(" configured fault kind(s) never fired in any of ").append(seeds)
                    .append(" seeds; the sweep tested less than it configured:");
            for (FaultRecord f : inert) {
                sb.append("\n  ").append(describe(f, seeds));
            }
            warnings.add(sb.toString());
        }
        return warnings;
    }

    private String probeReport(long seeds) {
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

    private String faultReport(long seeds) {
        StringBuilder sb = new StringBuilder("faults fired over " + seeds + " seeds:");
        for (FaultRecord f : faults.values()) {
            sb.append(' ').append(f.name()).append('=').append(f.fired());
        }
        return sb.toString();
    }

    /** What went wrong with a fault kind that no run fired, in words. */
    public String describe(FaultRecord f, long seeds) {
        String expectation = expectedFaults.contains(f.name()) ? " (expected)" : "";
        long in = configuredIn(f.name());
        return in == 0
                ? "fault '" + f.name() + "' was never configured and never fired" + expectation
                : "fault '" + f.name() + "' was configured in " + in + " of " + seeds + " seeds and never fired"
                        + expectation;
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
