package dev.heddle.runtime.internal.scheduler;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * One worker's scheduling decisions, Tokio's multi-thread policy in one place: where a
 * woken task goes, and which task the worker runs next. The real scheduler's worker threads
 * use it concurrently (each core touched by its own worker, the queues underneath shared
 * with thieves), and the simulator drives the same code one step at a time with the seed's
 * random source, so that it replays what only a multi-thread runtime does.
 *
 * <p>The order in which a worker looks for work:
 * <ol>
 *   <li>every {@value #INJECTION_INTERVAL}th tick, the injection queue first, so that
 *       wake-ups from outside are not starved by busy local queues;</li>
 *   <li>the LIFO slot, holding the task this worker woke last (its data is still in cache);
 *       at most {@value #MAX_LIFO_POLLS_IN_A_ROW} times in a row, after which the slot's task
 *       goes to the back of the local queue, so two tasks waking each other cannot starve
 *       the rest;</li>
 *   <li>the local queue, oldest first;</li>
 *   <li>a batch from the injection queue;</li>
 *   <li>half of a random victim's local queue ({@link #steal}).</li>
 * </ol>
 * Tasks pinned to this worker ({@code spawnLocal}'s, which must never move to another thread)
 * wait in a queue of their own that no thief looks at; the worker takes from it every other
 * tick before the LIFO slot, and otherwise after its local queue (see {@link #nextLocal}).
 * Everything but stealing runs on the owning worker only; the counters are written by it and
 * may be read, slightly stale, from anywhere.
 */
public final class WorkerCore<T> {
    /** Tokio's global queue interval: the injection queue is polled first every this many ticks. */
    public static final int INJECTION_INTERVAL = 61;
    /** Tokio's {@code MAX_LIFO_POLLS_PER_TICK}: LIFO-slot tasks run in a row before the slot yields. */
    public static final int MAX_LIFO_POLLS_IN_A_ROW = 3;

    /** Never committed: {@code isEnabled()} tells whether JFR records steals, reading no field of it. */
    private static final TaskStealEvent STEAL_PROBE = new TaskStealEvent();
    private final int index;
    /** Pushed and popped by the owner; other cores' owners steal from it ({@link LocalQueue} says which end is whose). */
    private final LocalQueue<T> local;
    /** Shared by the group: any thread pushes, owners take under its lock. */
    private final InjectionQueue<T> injection;
    /**
     * Tasks pinned to this worker, oldest first: never stolen, and taken only by the owner. Any
     * thread may push (a pinned task is woken from wherever its waker runs), hence a
     * multi-producer queue.
     */
    private final MpscUnboundedAtomicArrayQueue<T> pinned = new MpscUnboundedAtomicArrayQueue<>(64);
    /** Set once, by {@link #group}, before any worker starts. */
    private List<WorkerCore<T>> peers = List.of();

    // Owner only. Every field below is written only by the worker that owns this core,
    // through the methods marked "Owner only", and read only by it, except by metrics(),
    // which any thread may call and which so sees them plain, a few events stale at worst
    // (exact once the worker is idle). The owner is the core's own WorkerThread in production
    // (WorkerThread.run, and WorkStealingScheduler.execute, which finds a core only through
    // WorkerThread.currentOf), and the simulation's one carrier, where LogicalWorkers acts as
    // each owner in turn. Nothing checks this at run time: in simulation the calling Java
    // thread is whichever virtual thread runs, so "owner" is a role, not a thread. Only
    // stealInto on another core's LocalQueue, and the shared injection queue, cross owners.

    /** The task this worker woke last, to run next (its data is still in cache). */
    private T lifoSlot;
    private int lifoPollsInARow;
    private long tick;

    private long localSchedules;
    private long polls;
    private long steals;
    private long stolenTasks;
    private long lifoHits;
    private long parks;

    WorkerCore(int index, LocalQueue<T> local, InjectionQueue<T> injection) {
        this.index = index;
        this.local = local;
        this.injection = injection;
    }

    /**
     * The cores of {@code workers} workers sharing one injection queue, each able to steal
     * from all the others: the whole scheduling state of a multi-thread runtime.
     */
    public static <T> List<WorkerCore<T>> group(int workers) {
        return group(workers, LocalQueue.DEFAULT_CAPACITY);
    }

    /** As {@link #group(int)}, with local queues of {@code capacity} slots (a power of two). */
    public static <T> List<WorkerCore<T>> group(int workers, int capacity) {
        if (workers < 1) {
            throw new IllegalArgumentException("a worker group needs at least 1 worker, was " + workers);
        }
        InjectionQueue<T> injection = new InjectionQueue<>();
        WorkerCore<T>[] cores = newArray(workers);
        for (int i = 0; i < workers; i++) {
            cores[i] = new WorkerCore<>(i, new LocalQueue<>(capacity), injection);
        }
        List<WorkerCore<T>> all = List.of(cores);
        for (WorkerCore<T> c : all) {
            c.peers = all;
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <T> WorkerCore<T>[] newArray(int n) {
        return (WorkerCore<T>[]) new WorkerCore<?>[n];
    }

    public int index() {
        return index;
    }

    /**
     * Owner only: schedules {@code task}, woken by the task this worker is running. A woken
     * task takes the LIFO slot (pushing the previous occupant to the local queue); a task
     * that yielded goes to the back of the local queue, so that it lets the others run.
     *
     * @return true when the task can be stolen, so an idle worker may be worth waking
     */
    public boolean scheduleLocal(T task, boolean yielded) {
        localSchedules++;
        if (yielded) {
            local.pushBack(task, injection);
            return true;
        }
        T previous = lifoSlot;
        lifoSlot = task;
        if (previous == null) {
            return false;
        }
        local.pushBack(previous, injection);
        return true;
    }

    /**
     * Owner only: schedules {@code task}, pinned to this worker, woken by the task this worker is
     * running (or yielding): to the back of the pinned queue, which no other worker takes from.
     */
    public void schedulePinned(T task) {
        localSchedules++;
        pinned.offer(task);
    }

    /**
     * Any thread: schedules {@code task}, pinned to this worker, woken from another thread; the
     * caller counts it as a remote schedule and wakes this worker if it sleeps.
     */
    public void schedulePinnedRemote(T task) {
        pinned.offer(task);
    }

    /** Any thread: schedules {@code task} on the shared injection queue (a wake-up from outside the workers). */
    public void scheduleRemote(T task) {
        injection.push(task);
    }

    /** Owner only: the next task to run, trying every source in order, stealing last; null when there is none. */
    public T next(RandomGenerator random) {
        T task = nextLocal();
        return task != null ? task : steal(random);
    }

    /**
     * Owner only: the next task from this worker's own sources and the injection queue, without
     * stealing. Pinned tasks come first on every other tick, so that neither they nor the
     * stealable tasks starve the others (a pinned task that yields in a loop, beside tasks that
     * yield in a loop too, runs every other time); when the local queue is empty they come
     * before the injection queue.
     */
    public T nextLocal() {
        tick++;
        T task;
        if (tick % INJECTION_INTERVAL == 0 && (task = injection.poll()) != null) {
            return counted(task);
        }
        if ((tick & 1) == 0 && (task = pinned.poll()) != null) {
            return counted(task);
        }
        task = lifoSlot;
        if (task != null) {
            lifoSlot = null;
            if (lifoPollsInARow < MAX_LIFO_POLLS_IN_A_ROW) {
                lifoPollsInARow++;
                lifoHits++;
                return counted(task);
            }
            local.pushBack(task, injection);
        }
        lifoPollsInARow = 0;
        task = local.pop();
        if (task != null) {
            return counted(task);
        }
        task = pinned.poll();
        if (task != null) {
            return counted(task);
        }
        return pollInjection();
    }

    /** Owner only: a batch from the injection queue, a fair share of it, returning one task; null if empty. */
    public T pollInjection() {
        if (injection.isEmpty()) {
            return null;
        }
        int share = injection.size() / peers.size() + 1;
        int max = Math.max(1, Math.min(share, Math.min(local.remainingSlots(), local.capacity() / 2)));
        T task = injection.pollBatch(local, max);
        return task == null ? null : counted(task);
    }

    /**
     * Owner only: steals half of the local queue of the first victim, starting at a random
     * one, that has something to take; returns one stolen task to run now, or null.
     */
    public T steal(RandomGenerator random) {
        int n = peers.size();
        if (n == 1) {
            return null;
        }
        int start = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            WorkerCore<T> victim = peers.get((start + i) % n);
            if (victim == this) {
                continue;
            }
            int before = local.size();
            T task = victim.local.stealInto(local);
            if (task != null) {
                steals++;
                stolenTasks += local.size() - before + 1;
                stolenEvent(victim, local.size() - before + 1);
                return counted(task);
            }
        }
        return null;
    }

    /** Records a steal of {@code tasks} from {@code victim} for JFR; a static check when no recording wants it. */
    private void stolenEvent(WorkerCore<T> victim, int tasks) {
        if (STEAL_PROBE.isEnabled()) {
            TaskStealEvent e = new TaskStealEvent();
            e.worker = index;
            e.victim = victim.index;
            e.tasks = tasks;
            e.commit();
        }
    }

    private T counted(T task) {
        polls++;
        return task;
    }

    /** Owner only: counts one time the worker went to sleep for lack of work. */
    public void countPark() {
        parks++;
    }

    /** Owner only: true when the local queue has no free slot, so the next task queued here overflows. */
    public boolean localQueueIsFull() {
        return local.remainingSlots() == 0;
    }

    /** True when the LIFO slot, the local queue or the pinned queue holds a task. */
    public boolean hasLocalWork() {
        return lifoSlot != null || local.hasTasks() || !pinned.isEmpty();
    }

    /** Any thread: true when a task pinned to this worker waits for it. */
    public boolean hasPinnedWork() {
        return !pinned.isEmpty();
    }

    /**
     * Owner only, as the worker's thread is about to block (Tokio's {@code block_in_place}):
     * moves the LIFO slot's task to the local queue, where other workers can steal it while
     * the core changes threads, as Tokio does before it hands its core off.
     */
    public void releaseLifoSlot() {
        T task = lifoSlot;
        if (task != null) {
            lifoSlot = null;
            local.pushBack(task, injection);
        }
    }

    /** True when this worker's local queue holds a task another worker could steal. */
    public boolean hasStealableWork() {
        return local.hasTasks();
    }

    /** True when the shared injection queue holds a task. */
    public boolean hasInjectedWork() {
        return !injection.isEmpty();
    }

    /** Tasks in the local queue, not counting the LIFO slot. */
    public int localQueueDepth() {
        return local.size();
    }

    /** Tasks in the shared injection queue. */
    public int injectionQueueDepth() {
        return injection.size();
    }

    public WorkerMetrics metrics() {
        return new WorkerMetrics(index, localSchedules, polls, steals, stolenTasks, lifoHits, parks, local.size(),
                lifoSlot != null ? 1 : 0);
    }
}
