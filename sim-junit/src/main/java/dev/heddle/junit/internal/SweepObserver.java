package dev.heddle.junit.internal;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link dev.heddle.junit.SimTest} sweep tells a fuzz runner's fork running in the same
 * JVM, and what it asks of it: which seeds to run twice for the determinism self-check, each seed
 * that passed, and whether to fail on expected probes and faults that the sweep missed. The
 * fork installs its observer before it runs a sweep; in every other JVM the installed one runs
 * no seed twice, ignores what passed and judges expectations as the test's own sweep does.
 *
 * <p>A failing seed is not reported here: it fails the sweep, and the fork sees the
 * {@link dev.heddle.sim.SimulationFailure} through the JUnit Platform, as any runner does.
 */
public abstract class SweepObserver {
    private static final SweepObserver NONE = new SweepObserver() {};
    private static volatile SweepObserver installed = NONE;

    /** For subclasses: an observer that changes nothing until a method is overridden. */
    protected SweepObserver() {}

    /** The observer sweeps in this JVM report to. */
    public static SweepObserver current() {
        return installed;
    }

    /** Makes {@code observer} the one every later sweep in this JVM reports to. */
    public static void install(SweepObserver observer) {
        installed = Objects.requireNonNull(observer, "observer");
    }

    /** Whether {@code seed} runs twice and fails on any difference between the two runs. */
    public boolean checksDeterminism(long seed) {
        return false;
    }

    /**
     * {@code seed} passed; {@code checkedTwice} when it ran twice for the determinism check;
     * {@code faultsFired}, the faults its run fired, by kind (kinds that fired only).
     */
    public void passed(long seed, boolean checkedTwice, Map<String, Long> faultsFired) {}

    /**
     * Whether a sweep that passed fails on {@code expectedProbes} and {@code expectedFaults} it did
     * not satisfy. A fuzz fork runs a slice of the seeds, cut short at every failure: a probe the
     * slice missed says nothing about the whole run.
     */
    public boolean judgesExpectations() {
        return true;
    }
}
