package dev.heddle.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The seed and every setting that decide one run, as the run used them: the strategy is the
 * one it ran ({@link Strategy#PORTFOLIO}'s choice for the seed, never {@code PORTFOLIO}
 * itself), the PCT horizon the one it ran with (a sweep's estimate or as set). Two runs of
 * the same code with equal configurations are the same run, event for event. A failure gives
 * its run's in {@link SimulationFailure#configuration()}; {@link #simulation()} and
 * {@link #rerunInJava()} run it again.
 *
 * <pre>{@code
 * catch (SimulationFailure f) {
 *     f.configuration().simulation().run(body);   // the same run, the same failure
 * }
 * }</pre>
 *
 * @param pctDepth   PCT's depth, as set or as the portfolio chose; used only when {@code strategy} is PCT
 * @param pctHorizon PCT's horizon in steps; used only when {@code strategy} is PCT
 * @param workers    logical workers, 0 for one pool of ready tasks
 * @param buggify    the share of runs with buggify on, when set; empty: the default, counted only where reached
 * @param spuriousWakeups  whether the seed may wake waits without a signal ({@link Simulation#spuriousWakeups}),
 *                         as set or as the portfolio chose
 * @param schedulingPoints whether the agent's scheduling points at memory accesses are steps ({@link Simulation#schedulingPoints})
 */
public record RunConfiguration(long seed, Strategy strategy, int pctDepth, long pctHorizon, int workers,
                               long maxSteps, Duration maxTime, Duration stuckAfter, int maxBlockingThreads,
                               boolean failOnLeakedTasks, LockHeldPolicy lockHeldPolicy, Instant epoch,
                               Duration maxClockOffset, double maxClockDriftPpm, boolean swarm,
                               OptionalDouble buggify, boolean schedulingPoints,
                               boolean spuriousWakeups) {

    /** A simulation with exactly this configuration: running it repeats the run. */
    public Simulation simulation() {
        Simulation s = Simulation.ofSeed(seed)
                .strategy(strategy)
                .pctDepth(pctDepth)
                .pctHorizon(pctHorizon)
                .maxSteps(maxSteps)
                .maxTime(maxTime)
                .stuckAfter(stuckAfter)
                .maxBlockingThreads(maxBlockingThreads)
                .failOnLeakedTasks(failOnLeakedTasks)
                .onLockHeldAcrossSuspension(lockHeldPolicy)
                .epoch(epoch)
                .clockSkew(maxClockOffset, maxClockDriftPpm)
                .swarm(swarm)
                .schedulingPoints(schedulingPoints)
                .spuriousWakeups(spuriousWakeups);
        if (workers > 0) {
            s.workers(workers);
        }
        buggify.ifPresent(s::buggify);
        return s;
    }

    /**
     * Java that repeats the run, as a failure prints it when the test gave no rerun command of
     * its own: {@code Simulation.ofSeed(0x2aL).strategy(Strategy.PCT).pctDepth(2).pctHorizon(57).run(...)}.
     * It names each setting that differs from the default, and under PCT always the depth and
     * horizon, so that the line says what the run was and stays right if a default changes.
     */
    public String rerunInJava() {
        return "Simulation.ofSeed(" + Simulation.hex(seed) + "L)" + String.join("", settingsInJava()) + ".run(...)";
    }

    /**
     * The one list of settings and their Java calls: a setting that differs from the default
     * (or that says what kind of run it was) gives the call that sets it. A new setting of
     * {@link Simulation} adds its line here, a component above, its value in
     * {@link Simulation#configuration()} and its call in {@link #simulation()}.
     * {@code RunConfigurationTest} fails while a field of {@code Simulation} is no component, and,
     * once the setting is changed in its {@code everySettingChanged}, while the four disagree.
     */
    private List<String> settingsInJava() {
        RunConfiguration d = Simulation.ofSeed(seed).configuration();
        List<String> calls = new ArrayList<>();
        if (strategy != d.strategy) {
            calls.add(".strategy(Strategy." + strategy + ")");
        }
        if (strategy == Strategy.PCT || pctDepth != d.pctDepth) {
            calls.add(".pctDepth(" + pctDepth + ")");
        }
        if (strategy == Strategy.PCT || pctHorizon != d.pctHorizon) {
            calls.add(".pctHorizon(" + javaLong(pctHorizon) + ")");
        }
        if (workers != d.workers) {
            calls.add(".workers(" + workers + ")");
        }
        if (maxSteps != d.maxSteps) {
            calls.add(".maxSteps(" + javaLong(maxSteps) + ")");
        }
        if (!maxTime.equals(d.maxTime)) {
            calls.add(".maxTime(" + javaDuration(maxTime) + ")");
        }
        if (!stuckAfter.equals(d.stuckAfter)) {
            calls.add(".stuckAfter(" + javaDuration(stuckAfter) + ")");
        }
        if (maxBlockingThreads != d.maxBlockingThreads) {
            calls.add(".maxBlockingThreads(" + maxBlockingThreads + ")");
        }
        if (failOnLeakedTasks != d.failOnLeakedTasks) {
            calls.add(".failOnLeakedTasks(" + failOnLeakedTasks + ")");
        }
        if (lockHeldPolicy != d.lockHeldPolicy) {
            calls.add(".onLockHeldAcrossSuspension(LockHeldPolicy." + lockHeldPolicy + ")");
        }
        if (!epoch.equals(d.epoch)) {
            calls.add(".epoch(Instant.parse(\"" + epoch + "\"))");
        }
        if (!maxClockOffset.equals(d.maxClockOffset) || maxClockDriftPpm != d.maxClockDriftPpm) {
            calls.add(".clockSkew(" + javaDuration(maxClockOffset) + ", " + maxClockDriftPpm + ")");
        }
        if (swarm != d.swarm) {
            calls.add(".swarm(" + swarm + ")");
        }
        if (buggify.isPresent()) {
            calls.add(".buggify(" + buggify.getAsDouble() + ")");
        }
        if (spuriousWakeups != d.spuriousWakeups) {
            calls.add(".spuriousWakeups(" + spuriousWakeups + ")");
        }
        if (schedulingPoints != d.schedulingPoints) {
            calls.add(".schedulingPoints(" + schedulingPoints + ")");
        }
        return calls;
    }

    private static String javaLong(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    /** The shortest exact {@code Duration.ofX(n)}. */
    private static String javaDuration(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000 == 0) {
            return "Duration.ofSeconds(" + javaLong(nanos / 1_000_000_000) + ")";
        }
        if (nanos % 1_000_000 == 0) {
            return "Duration.ofMillis(" + javaLong(nanos / 1_000_000) + ")";
        }
        return "Duration.ofNanos(" + javaLong(nanos) + ")";
    }
}
