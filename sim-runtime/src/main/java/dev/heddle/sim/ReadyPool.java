package dev.heddle.sim;

import java.util.ArrayList;

/**
 * The ready tasks as one pool, the next one chosen by the {@link Strategy}: the oldest under
 * FIFO, one the seed draws under RANDOM, the highest priority under PCT.
 *
 * <p>PCT gives each task a priority drawn when it is created, above {@code depth}, and draws
 * {@code depth - 1} change points among the first {@code pctHorizon} steps before the run
 * starts; at change point i the task about to run drops to priority {@code depth - 1 - i},
 * below every initial priority, so that the others overtake it.
 *
 * <p>Past its horizon PCT picks uniformly at random, as RANDOM does (a fair suffix): its
 * change points all lie within the horizon, and priorities alone are unfair, so that a task
 * that spins on {@code yield} until another acts would keep the highest priority and starve
 * that other task for ever. Within the horizon nothing changes; a spin loop ends once the run
 * is longer than the horizon.
 */
final class ReadyPool implements ReadyTasks {
    private final ArrayList<SimTask> ready = new ArrayList<>();
    private final Strategy strategy;
    private final Decisions decisions;
    private final int depth;
    private final long horizon;
    /** PCT: the steps at which the task about to run is demoted, ascending; then the next one to use. */
    private final long[] changePoints;
    private int nextChangePoint;
    /** The task of the running step when it made itself ready again (a yield), until the next choice. */
    private SimTask yielded;

    ReadyPool(Strategy strategy, int pctDepth, long pctHorizon, Decisions decisions) {
        this.strategy = strategy;
        this.decisions = decisions;
        this.depth = pctDepth;
        this.horizon = pctHorizon;
        this.changePoints = strategy == Strategy.PCT
                ? decisions.pctChangePoints(pctDepth - 1, pctHorizon)
                : new long[0];
    }

    @Override
    public void created(SimTask task) {
        if (strategy == Strategy.PCT) {
            task.priority = depth + 1 + decisions.pctPriority();
        }
    }

    @Override
    public void wake(SimTask task, SimTask running) {
        ready.add(task);
        if (task == running) {
            yielded = task;
        }
    }

    @Override
    public boolean isEmpty() {
        return ready.isEmpty();
    }

    /**
     * The task a replayed log names, else the strategy's choice; a choice among two or more is
     * recorded, and counted as a context switch when the task that ran last had yielded and is
     * set aside.
     */
    @Override
    public SimTask next(long step) {
        int n = ready.size();
        int index = n == 1 ? 0 : decisions.loggedTask(ready, yielded);
        if (index < 0) {
            index = switch (strategy) {
                case FIFO -> 0;
                case RANDOM -> decisions.readyTask(n);
                case PCT -> step > horizon ? decisions.readyTask(n) : highestAfterChangePoints(step);
                case PORTFOLIO -> throw new IllegalStateException("PORTFOLIO is resolved to a strategy per seed"
                        + " before a run (Simulation.configuration())");
            };
        }
        SimTask t = ready.remove(index);
        if (n > 1) {
            decisions.taskChosen(t, n, yielded != null && yielded != t);
        }
        yielded = null;
        return t;
    }

    @Override
    public int actingWorker() {
        return -1;
    }

    private int highestAfterChangePoints(long step) {
        int best = highest();
        while (nextChangePoint < changePoints.length && changePoints[nextChangePoint] <= step) {
            // Burckhardt's change point i lowers the running task below every initial priority.
            ready.get(best).priority = depth - 1 - nextChangePoint;
            nextChangePoint++;
            best = highest();
        }
        return best;
    }

    /** The index of the ready task of highest priority, the oldest (lowest id) among equals. */
    private int highest() {
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
