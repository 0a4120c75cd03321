package dev.heddle.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Buggify in one run: whether it is on, and which of its points are active. Decided lazily,
 * so that a run whose code has no buggify point draws nothing and reports nothing: the first
 * call decides whether buggify is on in the run (with the run's probability, or from its
 * {@link SwarmProfile} in swarm mode), and the first call at each point whether that point is
 * active ({@link Buggify#P_POINT_ACTIVATED}), as FoundationDB's {@code getSBVar} does. All of
 * it draws from the run's own buggify stream. When buggify is on, the fault kind
 * {@code "buggify"} is configured, and each firing counted, so that a sweep reports points
 * that never fire. Touched only from the simulation's carrier (tasks, one at a time).
 */
final class BuggifySites {
    static final String FAULT = "buggify";

    private final double runProbability;
    private final RandomGenerator random;
    private final SwarmProfile swarm;
    private final Faults faults;
    private final Trace trace;
    /** Null until decided. */
    private Boolean on;
    /** Point name to whether it is active, in the order first reached; numbered from 1 in the trace. */
    private final Map<String, Boolean> points = new LinkedHashMap<>();

    /** {@code swarm} is null outside swarm mode. */
    BuggifySites(double runProbability, RandomGenerator random, SwarmProfile swarm, Faults faults, Trace trace) {
        this.runProbability = runProbability;
        this.random = random;
        this.swarm = swarm;
        this.faults = faults;
        this.trace = trace;
    }

    /** Whether buggify is on in this run; the first call decides. Probability 0 keeps it off, swarm mode too. */
    boolean on() {
        if (on == null) {
            if (runProbability == 0) {
                on = false;
            } else {
                on = swarm != null ? swarm.on(FAULT) : random.nextDouble() < runProbability;
            }
            trace.record(Trace.Event.BUGGIFY, 0, on ? 1 : 0);
            if (on) {
                faults.configured(FAULT);
            }
        }
        return on;
    }

    /**
     * Whether the call at {@code point} fires: buggify is on, the point is active, and a draw
     * under {@code probability} says so. The point's name is asked only when buggify is on, as
     * finding it may walk the stack.
     */
    boolean fires(Supplier<String> point, double probability) {
        if (!on()) {
            return false;
        }
        String name = point.get();
        Boolean active = points.get(name);
        if (active == null) {
            active = random.nextDouble() < Buggify.P_POINT_ACTIVATED;
            points.put(name, active);
            int number = points.size();
            trace.buggifyPoint(number, name);
            trace.record(Trace.Event.BUGGIFY_POINT, number, active ? 1 : 0);
        }
        if (!active || !(random.nextDouble() < probability)) {
            return false;
        }
        faults.fired(FAULT);
        return true;
    }
}
