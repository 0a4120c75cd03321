package dev.heddle.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
 * one purpose does not reshuffle the others. Every decision is recorded ({@link DecisionRecorder})
 * for the run's {@link DecisionLog}: each draw with its kind and bound, and the task that ran
 * whenever more than one was ready, by its key. A replay of a log ({@link DecisionReplay}) takes
 * them from the log instead, falling back to the seed (or, for a shrunk log, to the simplest
 * choice) for any the log does not hold.
 */
final class Decisions {
    /** The stream of scheduling decisions: which ready task ran. */
    static final String SCHEDULE = "schedule";

    /** The RANDOM strategy's draws, which the schedule's entries record, so not recorded themselves. */
    private final SimRandom readyTasks;
    private final RandomGenerator scheduling;
    private final RandomGenerator user;
    private final RandomGenerator select;
    private final RandomGenerator workers;
    private final RandomGenerator stealing;
    private final RandomGenerator lockChecks;
    private final RandomGenerator hosts;
    private final RandomGenerator network;
    private final RandomGenerator buggify;
    private final long seed;
    private final Trace trace;
    private final RandomGenerator stealStarts = new StealStarts();
    private final DecisionRecorder recorder = new DecisionRecorder();
    private final TaskKeys taskKeys = new TaskKeys();
    /** Null unless the run replays a log. */
    private final DecisionReplay replay;
    private final int schedule;

    /** The decisions of a run of {@code seed}, taken from {@code replay} when not null. */
    Decisions(long seed, Trace trace, DecisionReplay replay) {
        this.replay = replay;
        this.seed = seed;
        this.trace = trace;
        this.schedule = recorder.stream(SCHEDULE);
        if (replay != null) {
            replay.streamOpened(schedule, SCHEDULE);
        }
        SimRandom schedulingSeeded = new SimRandom(seed, "scheduling");
        this.readyTasks = schedulingSeeded;
        this.scheduling = stream(schedulingSeeded, "scheduling", null);
        this.user = stream(new SimRandom(seed, "user"), "user", trace);
        this.select = stream("select");
        this.workers = stream("workers");
        this.stealing = stream("stealing");
        this.lockChecks = stream("lock checks");
        this.hosts = stream("hosts");
        this.network = stream("network");
        this.buggify = stream("buggify");
    }

    private RandomGenerator stream(String purpose) {
        return stream(new SimRandom(seed, purpose), purpose, null);
    }

    private RandomGenerator stream(SimRandom seeded, String purpose, Trace traced) {
        return new RecordedRandom(seeded, purpose, recorder, replay, traced);
    }

    /** The key of a new task, which scheduling entries name ({@link TaskKeys}), kept in the log's table. */
    void taskCreated(SimTask t, SimTask parent) {
        t.key = taskKeys.of(parent, t.spawnedAt, t.incarnation);
        recorder.task(t.key, t.name);
    }

    /** {@code t} ended: a replay skips the entries that still name it. */
    void taskEnded(SimTask t) {
        if (replay != null) {
            replay.ended(t.key);
        }
    }

    /**
     * The index in {@code ready} (two or more tasks) of the task the replayed log says runs next;
     * in a shrunk log that lacks the decision, the simplest one: {@code previous}, the task that
     * ran last, if it is ready, else the first. -1 when no log decides: the strategy does.
     */
    int loggedTask(List<SimTask> ready, SimTask previous) {
        if (replay == null) {
            return -1;
        }
        int index = replay.task(schedule, ready);
        if (index >= 0 || replay.fallsBackToSeed()) {
            return index;
        }
        int at = previous == null ? -1 : ready.indexOf(previous);
        return Math.max(at, 0);
    }

    /** {@code t} runs next, chosen among {@code ready} tasks (two or more); {@code preempts}: the last one was still ready. */
    void taskChosen(SimTask t, int ready, boolean preempts) {
        recorder.draw(schedule, DrawKind.TASK, ready, t.key);
        if (preempts) {
            recorder.contextSwitch();
        }
    }

    /** The log of the run's decisions so far, with its numbers; made when the run fails. */
    DecisionLog log(long steps, long virtualNanos, long faultsFired) {
        return recorder.log(seed, recorder.size(), new DecisionLog.RunFacts(steps, 0, virtualNanos, faultsFired));
    }


    /** Randomness for code under test; every value drawn is a {@link Trace.Event#RANDOM} event. */
    RandomGenerator user() {
        return user;
    }

    /** The index of the ready task that runs next under {@link Strategy#RANDOM}, out of {@code ready}. */
    int readyTask(int ready) {
        return ready == 1 ? 0 : readyTasks.nextInt(ready);
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
     * at the first two, then with probability 1/n, so a run of N suspensions looks about
     * ln N + 1 times (8 in a thousand), at places that differ from seed to seed.
     */
    boolean checkLocksAt(long n) {
        return n <= 2 || lockChecks.nextLong(n) == 0;
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
        return stream("swarm " + kind);
    }

    /**
     * The stream of {@link SpuriousWakeups}: the run's rate, and whether and whom each chance
     * wakes. Made only for runs that turn spurious wake-ups on.
     */
    RandomGenerator spuriousWakeups() {
        return stream("spurious wake-ups");
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
