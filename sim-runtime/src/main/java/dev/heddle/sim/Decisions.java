package dev.heddle.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Every value a run draws from its seed, one method per kind of choice: the ready task a
 * RANDOM pool runs, PCT's priorities and change points, the logical worker that acts and the
 * worker its steal tries first, the branch a select polls first, the suspensions at which
 * held locks are looked for, the clocks of simulated hosts, the simulated network's latencies,
 * the buggify points that are active and fire, the fault kinds a swarm profile turns on, the
 * spurious wake-ups, and the numbers handed to user code. Choices the seed does not make
 * (FIFO's order, PCT's highest priority first) are the schedulers', {@link ReadyPool} and
 * {@link LogicalWorkers}.
 *
 * <p>Each purpose draws from its own stream split from the seed, so that one more draw for
 * one purpose does not reshuffle the others. Nothing here is recorded: a run is reproduced
 * by running its seed again.
 */
final class Decisions {
    private final SimRandom scheduling;
    private final SimRandom user;
    private final SimRandom select;
    private final SimRandom workers;
    private final SimRandom stealing;
    private final SimRandom lockChecks;
    private final SimRandom hosts;
    private final SimRandom network;
    private final SimRandom buggify;
    private final long seed;
    private final Trace trace;
    private final RandomGenerator stealStarts = new StealStarts();

    Decisions(long seed, Trace trace) {
        this.scheduling = new SimRandom(seed, "scheduling", trace, null);
        this.user = new SimRandom(seed, "user", trace, Trace.Event.RANDOM);
        this.select = new SimRandom(seed, "select", trace, null);
        this.workers = new SimRandom(seed, "workers", trace, null);
        this.stealing = new SimRandom(seed, "stealing", trace, null);
        this.lockChecks = new SimRandom(seed, "lock checks", trace, null);
        this.hosts = new SimRandom(seed, "hosts", trace, null);
        this.network = new SimRandom(seed, "network", trace, null);
        this.buggify = new SimRandom(seed, "buggify", trace, null);
        this.seed = seed;
        this.trace = trace;
    }

    /** Randomness for code under test; every value drawn is a {@link Trace.Event#RANDOM} event. */
    RandomGenerator user() {
        return user;
    }

    /** The index of the ready task that runs next under {@link Strategy#RANDOM}, out of {@code ready}. */
    int readyTask(int ready) {
        return ready == 1 ? 0 : scheduling.nextInt(ready);
    }

    /** PCT: {@code count} steps in [1, {@code horizon}], ascending, at which the task about to run is demoted. */
    long[] pctChangePoints(int count, long horizon) {
        long[] points = new long[count];
        for (int i = 0; i < count; i++) {
            points[i] = 1 + scheduling.nextLong(horizon);
        }
        Arrays.sort(points);
        return points;
    }

    /** PCT: a new task's place among the tasks not yet demoted, in [0, 2^62). */
    long pctPriority() {
        return scheduling.nextLong() >>> 2;
    }

    /** The logical worker that acts next, out of {@code n} ({@link LogicalWorkers}, not under FIFO). */
    int worker(int n) {
        return n == 1 ? 0 : workers.nextInt(n);
    }

    /** The worker a logical worker's steal tries first, out of {@code n}. */
    int stealStart(int n) {
        return stealing.nextInt(n);
    }

    /**
     * {@link #stealStart} in the form the real scheduler's {@code WorkerCore.steal} takes: a
     * random source whose one draw, {@code nextInt(n)}, is that decision. Any other draw is a
     * new choice that belongs here, so it fails instead of drawing unseen.
     */
    RandomGenerator stealStarts() {
        return stealStarts;
    }

    /** The first branch a select polls, out of {@code branches}. */
    int selectStart(int branches) {
        return branches <= 1 ? 0 : select.nextInt(branches);
    }

    /**
     * Whether the run looks for locks held at its suspension number {@code n} (from 1): always
     * at the first two, then with probability 2/n, so a run of N suspensions looks about
     * 2 ln N times, at places that differ from seed to seed.
     */
    boolean checkLocksAt(long n) {
        return n <= 2 || lockChecks.nextLong(n) < 2;
    }

    /**
     * The clock of a host the test gave none: an offset and a drift each drawn uniformly within
     * {@code maxOffset} and {@code maxDriftPpm} either way (no draw for a bound of zero).
     */
    HostClock hostClock(Duration maxOffset, double maxDriftPpm) {
        long max = maxOffset.toNanos();
        long offset = max == 0 ? 0 : hosts.nextLong(-max, max + 1);
        double drift = maxDriftPpm == 0 ? 0 : hosts.nextDouble(-maxDriftPpm, maxDriftPpm);
        return new HostClock(Duration.ofNanos(offset), drift);
    }

    /** The simulated network's choices: the latency of each message, and whatever it decides later. */
    RandomGenerator network() {
        return network;
    }

    /** Buggify's choices: whether it is on in the run, which of its points are active, which calls fire. */
    RandomGenerator buggify() {
        return buggify;
    }

    /**
     * The stream of a swarm profile's choice for one fault {@code kind}: a stream per kind, so
     * that what a seed decides for a kind depends on the seed and the kind only, not on which
     * kinds were asked before it.
     */
    RandomGenerator swarmKind(String kind) {
        return new SimRandom(seed, "swarm " + kind, trace, null);
    }

    /**
     * The stream of {@link SpuriousWakeups}: the run's rate, and whether and whom each chance
     * wakes. Made only for runs that turn spurious wake-ups on.
     */
    RandomGenerator spuriousWakeups() {
        return new SimRandom(seed, "spurious wake-ups", trace, null);
    }

    private final class StealStarts implements RandomGenerator {
        @Override
        public int nextInt(int bound) {
            return stealStart(bound);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("a steal draws only its start, nextInt(n)");
        }
    }
}
