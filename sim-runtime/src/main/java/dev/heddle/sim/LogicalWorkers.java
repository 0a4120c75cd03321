package dev.heddle.sim;

import dev.heddle.runtime.internal.scheduler.WorkerCore;
import java.util.List;

/**
 * The ready tasks of a simulation that replays the multi-thread runtime: N logical workers,
 * each with the real scheduler's own {@link WorkerCore} (LIFO slot, bounded local queue, the
 * shared injection queue, steal-half). Only the threads are missing: at each step the seed
 * picks the worker that acts ({@link Decisions#worker}; in turn under {@link Strategy#FIFO}),
 * and that worker's core picks the task exactly as it would on a worker thread, its steals
 * starting where {@link Decisions#stealStart} says. So the schedules stealing produces (a
 * task spawned on one worker running on another, before or interleaved with older work)
 * come from the seed.
 *
 * <p>A task woken inside a step goes to the acting worker, as it would on the worker thread
 * that ran the waker: into its LIFO slot, or to the back of its queue when the task woke
 * itself by yielding. A wake-up from outside any step (a timer firing, the main task
 * starting) goes to the injection queue, like a wake-up from outside the workers. A task
 * pinned to a worker ({@link SimTask#pinnedWorker}, from {@code spawnLocal}) always goes to that
 * worker's pinned queue, which no other worker takes from.
 */
final class LogicalWorkers implements ReadyTasks {
    private final List<WorkerCore<SimTask>> cores;
    private final Strategy strategy;
    private final Decisions decisions;
    private int ready;
    private int acting;

    LogicalWorkers(int workers, Strategy strategy, Decisions decisions) {
        this.cores = WorkerCore.group(workers);
        this.strategy = strategy;
        this.decisions = decisions;
    }

    /**
     * Into the acting worker's LIFO slot or queue, or, from outside any step, the injection
     * queue; a pinned task into its worker's pinned queue.
     */
    @Override
    public void wake(SimTask task, SimTask running) {
        ready++;
        if (task.pinnedWorker >= 0) {
            WorkerCore<SimTask> core = cores.get(task.pinnedWorker);
            if (running != null && acting == task.pinnedWorker) {
                core.schedulePinned(task);
            } else {
                core.schedulePinnedRemote(task);
            }
        } else if (running == null) {
            cores.getFirst().scheduleRemote(task);
        } else {
            cores.get(acting).scheduleLocal(task, task == running);
        }
    }

    @Override
    public boolean isEmpty() {
        return ready == 0;
    }

    /**
     * The worker the seed picks looks for work in the scheduler's order, stealing last; when
     * it finds none (it would park) the next worker looks, so a step is never empty while a
     * task is ready.
     */
    @Override
    public SimTask next(long step) {
        int n = cores.size();
        int first = strategy == Strategy.FIFO ? (int) (step % n) : decisions.worker(n);
        for (int i = 0; i < n; i++) {
            int w = (first + i) % n;
            SimTask t = cores.get(w).next(decisions.stealStarts());
            if (t != null) {
                acting = w;
                ready--;
                return t;
            }
        }
        throw new IllegalStateException(ready + " task(s) are ready but no logical worker found one: a task was"
                + " lost by the scheduler's queues (this is a bug in Heddle; please report it with the seed)");
    }

    @Override
    public int actingWorker() {
        return acting;
    }

    /** The acting worker's task in its LIFO slot moves to its queue, as before Tokio's block_in_place hands off. */
    @Override
    public void blockInPlace() {
        cores.get(acting).releaseLifoSlot();
    }
}
