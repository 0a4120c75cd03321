package dev.heddle.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Every choice a simulation makes, in one place: which ready task runs next (by the
 * {@link Strategy}), or, when the run replays N workers, which worker acts and where it
 * steals; and the random numbers handed to user code and to select. Each purpose
 * has its own stream split from the seed. Routing every choice through here is what lets a
 * run be recorded and replayed decision by decision.
 */
final class Decisions {
    private final Strategy strategy;
    private final SimRandom scheduling;
    private final SimRandom user;
    private final SimRandom select;
    private final SimRandom workers;
    private final SimRandom stealing;
    private final SimRandom lockChecks;
    /** PCT: the steps at which the task about to run is demoted, ascending; then the next one to use. */
    private final long[] changePoints;
    private int nextChangePoint;
    private final int depth;

    Decisions(long seed, Strategy strategy, int pctDepth, long pctHorizon, Trace trace) {
        this.strategy = strategy;
        this.scheduling = new SimRandom(seed, "scheduling", trace, null);
        this.user = new SimRandom(seed, "user", trace, Trace.Event.RANDOM);
        this.select = new SimRandom(seed, "select", trace, null);
        this.workers = new SimRandom(seed, "workers", trace, null);
        this.stealing = new SimRandom(seed, "stealing", trace, null);
        this.lockChecks = new SimRandom(seed, "lock checks", trace, null);
        this.depth = pctDepth;
        if (strategy == Strategy.PCT) {
            changePoints = new long[pctDepth - 1];
            for (int i = 0; i < changePoints.length; i++) {
                changePoints[i] = 1 + scheduling.nextLong(pctHorizon);
            }
            Arrays.sort(changePoints);
        } else {
            changePoints = new long[0];
        }
    }

    /** Randomness for code under test. */
    RandomGenerator user() {
        return user;
    }

    /** The first branch a select polls, out of {@code branches}. */
    int selectStart(int branches) {
        return branches <= 1 ? 0 : select.nextInt(branches);
    }

    /**
     * The logical worker that acts at step {@code step}, out of {@code n} ({@link LogicalWorkers}):
     * at random, or in turn under {@link Strategy#FIFO}.
     */
    int worker(int n, long step) {
        if (n == 1) {
            return 0;
        }
        return strategy == Strategy.FIFO ? (int) (step % n) : workers.nextInt(n);
    }

    /** Where a logical worker's steals start looking for a victim. */
    RandomGenerator stealing() {
        return stealing;
    }

    /**
     * Whether the run looks for locks held at its suspension number {@code n} (from 1): always
     * at the first two, then with probability 2/n, so a run of N suspensions looks about
     * 2 ln N times, at places that differ from seed to seed.
     */
    boolean checkLocksAt(long n) {
        return n <= 2 || lockChecks.nextLong(n) < 2;
    }

    /** Gives a new task its PCT priority: a random place among the tasks not yet demoted. */
    void taskCreated(SimTask task) {
        if (strategy == Strategy.PCT) {
            task.priority = depth + 1 + (scheduling.nextLong() >>> 2);
        }
    }

    /** Removes and returns the task that runs step number {@code step} (counted from 1). */
    SimTask next(ArrayList<SimTask> ready, long step) {
        int index = switch (strategy) {
            case FIFO -> 0;
            case RANDOM -> ready.size() == 1 ? 0 : scheduling.nextInt(ready.size());
            case PCT -> pctIndex(ready, step);
        };
        return ready.remove(index);
    }

    private int pctIndex(ArrayList<SimTask> ready, long step) {
        int best = highest(ready);
        while (nextChangePoint < changePoints.length && changePoints[nextChangePoint] <= step) {
            // Burckhardt's change point i lowers the running task below every initial priority.
            ready.get(best).priority = depth - 1 - nextChangePoint;
            nextChangePoint++;
            best = highest(ready);
        }
        return best;
    }

    private static int highest(ArrayList<SimTask> ready) {
        int best = 0;
        for (int i = 1; i < ready.size(); i++) {
            SimTask t = ready.get(i);
            SimTask b = ready.get(best);
            if (t.priority > b.priority || (t.priority == b.priority && t.id < b.id)) {
                best = i;
            }
        }
        return best;
    }
}
