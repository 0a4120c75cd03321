package dev.heddle.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The tasks of one runtime that have not ended, for
 * {@link dev.heddle.runtime.HeddleRuntime#shutdown(java.time.Duration) shutdown} to abort and wait for.
 * Every spawn adds a task and every end removes one, so both must be
 * cheap: a hash map cost a locked bin, a counter update and two objects per task.
 *
 * <p>Task ids are dense (1, 2, 3, ... in spawn order), so a task goes into a slot of a
 * segment of {@value #SEGMENT_SIZE} consecutive ids: adding is one store into a slot no
 * one else writes, removing is one store and one increment of the segment's count of
 * ended tasks. A segment whose every task has ended is dropped. Iterating the segments in
 * id order yields the tasks in spawn order without sorting.
 *
 * <p>The segments' counts of ended tasks are also the runtime's count of ended tasks
 * ({@link #ended()}), so that an ending task updates no counter of its own: a
 * {@code LongAdder} picks its cell by a per-thread probe, which is 0 on every new virtual
 * thread, so all tasks collided on one cell and each then paid to initialise its probe.
 *
 * <p>Every id the runtime hands out must be added once and removed once, or its segment is
 * never dropped. Adding and removing are where a task's life begins and ends for its runtime, so
 * they also tell {@link TaskEvents} (the runtime's task hooks, JFR).
 */
public final class AliveTasks {
    private static final int SEGMENT_BITS = 10;
    public static final int SEGMENT_SIZE = 1 << SEGMENT_BITS;
    private static final int SLOT_MASK = SEGMENT_SIZE - 1;

    /** Segments with a task not yet ended, by segment number. */
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    /**
     * The segment of the newest id seen: where the next spawns go, so that they skip the map.
     * A hint ({@link #lvNewest()}, {@link #svNewest}): a stale one sends a spawn through the
     * map, which is right anyway.
     */
    private volatile Segment newest;
    /** Tasks of the segments dropped so far, all ended; {@link #xaddEndedInDropped} inside a drop, read inside {@link #dropVersion}'s bracket. */
    private final AtomicLong endedInDropped = new AtomicLong();
    /**
     * Odd while a segment moves from {@link #segments} to {@link #endedInDropped}, so that
     * {@link #ended()} sees each segment in exactly one of them (a seqlock). Dropping a segment
     * happens once per {@value #SEGMENT_SIZE} tasks, and takes no lock a simulated task could
     * wait on. A dropper makes it odd with {@link #casDropVersion} and even again with
     * {@link #svDropVersion} after the move; a reader loads it ({@link #lvDropVersion()})
     * before and after its reads, and retries if it was odd or changed.
     */
    private final AtomicLong dropVersion = new AtomicLong();
    /** The runtime's task hooks, or null when it has none. */
    private final TaskHooks hooks;

    /** The live tasks of a runtime without task hooks. */
    public AliveTasks() {
        this(null);
    }

    /** The live tasks of a runtime whose tasks {@code hooks} (null: none) are told about. */
    public AliveTasks(TaskHooks hooks) {
        this.hooks = hooks;
    }

    /** The runtime's task hooks, or null when it has none. */
    TaskHooks hooks() {
        return hooks;
    }

    /** Adds {@code task}, whose id is unique and from 1 on, on the thread that spawns it. */
    public void add(Task<?> task) {
        TaskEvents.spawned(task, hooks);
        long position = task.id() - 1;
        long number = position >>> SEGMENT_BITS;
        Segment s = lvNewest();
        if (s == null || s.number != number) {
            s = segments.computeIfAbsent(number, Segment::new);
            Segment n = lvNewest();
            if (n == null || n.number < number) {
                svNewest(s);
            }
        }
        task.aliveSegment = s;
        s.soTask((int) (position & SLOT_MASK), task);
    }

    /** Removes {@code task}, which was added and has ended with {@code outcome}, on its own thread. */
    public void remove(Task<?> task, Task.State outcome) {
        TaskEvents.terminated(task, hooks, outcome);
        Segment s = task.aliveSegment;
        task.aliveSegment = null;
        s.soTask((int) ((task.id() - 1) & SLOT_MASK), null);
        if (s.xaddEnded(1) + 1 == SEGMENT_SIZE) {
            drop(s);
        }
    }

    private void drop(Segment s) {
        long v;
        do {
            v = lvDropVersion();
        } while ((v & 1) != 0 || !casDropVersion(v, v + 1));
        segments.remove(s.number, s);
        xaddEndedInDropped(SEGMENT_SIZE);
        svDropVersion(v + 2);
    }

    /**
     * Tasks removed so far. Counts every task whose removal happened before the call, so a
     * caller that has seen a task end sees it counted.
     */
    public long ended() {
        while (true) {
            long v = lvDropVersion();
            if ((v & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            long ended = lvEndedInDropped();
            for (Segment s : segments.values()) {
                ended += s.lvEnded();
            }
            if (lvDropVersion() == v) {
                return ended;
            }
        }
    }

    /** A snapshot of the tasks not yet ended, in spawn order. */
    public List<Task<?>> snapshot() {
        List<Task<?>> tasks = new ArrayList<>();
        for (Segment s : segments.values()) {
            for (int i = 0; i < SEGMENT_SIZE; i++) {
                Task<?> t = s.laTask(i);
                if (t != null) {
                    tasks.add(t);
                }
            }
        }
        return tasks;
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private Segment lvNewest() {
        return newest;
    }

    private void svNewest(Segment s) {
        newest = s;
    }

    private long lvEndedInDropped() {
        return endedInDropped.get();
    }

    private void xaddEndedInDropped(long delta) {
        endedInDropped.getAndAdd(delta);
    }

    private long lvDropVersion() {
        return dropVersion.get();
    }

    private boolean casDropVersion(long expected, long next) {
        return dropVersion.compareAndSet(expected, next);
    }

    private void svDropVersion(long v) {
        dropVersion.set(v);
    }

    /** {@value #SEGMENT_SIZE} consecutive ids: the tasks among them not yet ended, and how many have. */
    static final class Segment {
        final long number;
        /**
         * By slot: the task, stored with release ({@link #soTask}) by its spawner and cleared
         * the same way when it ends; a snapshot loads it with acquire ({@link #laTask}), which
         * pairs with that store, so a task it finds is seen as constructed.
         */
        private final AtomicReferenceArray<Task<?>> tasks = new AtomicReferenceArray<>(SEGMENT_SIZE);
        /**
         * Tasks of this segment that ended; {@link #xaddEnded} by each before its state shows
         * it done, so a caller that saw a task end and then loads this ({@link #lvEnded()})
         * sees it counted.
         */
        private final AtomicInteger ended = new AtomicInteger();

        Segment(long number) {
            this.number = number;
        }

        private Task<?> laTask(int slot) {
            return tasks.getAcquire(slot);
        }

        private void soTask(int slot, Task<?> task) {
            tasks.setRelease(slot, task);
        }

        private int lvEnded() {
            return ended.get();
        }

        /** Adds {@code delta} and returns the count before. */
        private int xaddEnded(int delta) {
            return ended.getAndAdd(delta);
        }
    }
}
