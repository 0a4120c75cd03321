package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.internal.AliveTasks;
import dev.heddle.runtime.internal.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry of tasks not yet ended, alone and as {@link HeddleRuntime#aliveTasks()} sees it. */
class AliveTasksTest {
    /** More than two segments, so that order and dropping are checked across segment boundaries. */
    private static final int TASKS = 2 * AliveTasks.SEGMENT_SIZE + 300;

    private static Task<Void> task(long id) {
        return new Task<>(id, "t", null, null, null, null, () -> null, false);
    }

    /** Adds tasks 1 to {@link #TASKS} to {@code alive}, in id order, and returns them. */
    private static List<Task<Void>> addTasks(AliveTasks alive) {
        List<Task<Void>> all = new ArrayList<>();
        for (long id = 1; id <= TASKS; id++) {
            Task<Void> t = task(id);
            all.add(t);
            alive.add(t);
        }
        return all;
    }

    @Test
    void snapshotListsTheTasksNotRemovedInIdOrder() {
        AliveTasks alive = new AliveTasks();
        List<Task<Void>> all = new ArrayList<>();
        // Added out of order, as spawns racing on several threads may be.
        for (long id = TASKS; id >= 1; id--) {
            all.addFirst(task(id));
        }
        for (Task<Void> t : all.reversed()) {
            alive.add(t);
        }
        List<Task<?>> expected = new ArrayList<>();
        for (Task<Void> t : all) {
            if (t.id() % 3 == 0) {
                expected.add(t);
            } else {
                alive.remove(t, Task.State.SUCCEEDED);
            }
        }
        assertEquals(expected, alive.snapshot());
    }

    @Test
    void endedCountsEveryRemovedTaskInLiveAndDroppedSegments() {
        AliveTasks alive = new AliveTasks();
        List<Task<Void>> all = addTasks(alive);
        assertEquals(0, alive.ended());
        long removed = 0;
        for (Task<Void> t : all) {
            // Every task of the first two segments (which are dropped) and every other one of the rest.
            if (t.id() <= 2L * AliveTasks.SEGMENT_SIZE || t.id() % 2 == 0) {
                alive.remove(t, Task.State.SUCCEEDED);
                removed++;
            }
        }
        assertEquals(removed, alive.ended());
        assertEquals(TASKS - removed, alive.snapshot().size());
    }

    @Test
    void aSegmentWhoseTasksAllEndedIsDroppedAndItsIdsAreNotListedAgain() {
        AliveTasks alive = new AliveTasks();
        List<Task<Void>> all = addTasks(alive);
        for (Task<Void> t : all) {
            alive.remove(t, Task.State.SUCCEEDED);
        }
        assertEquals(List.of(), alive.snapshot());
        Task<Void> next = task(TASKS + 1);
        alive.add(next);
        assertEquals(List.of(next), alive.snapshot());
    }

    static List<RuntimeBuilder> runtimes() {
        return List.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aliveTasksAreTheWaitingOnesInSpawnOrderAndNoneOnceTheyEnded(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            List<JoinHandle<Void>> waiting = rt.blockOn(() -> {
                CancellationToken release = new CancellationToken();
                List<JoinHandle<Void>> handles = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    handles.add(Heddle.spawn(release::awaitCancellation));
                    // Ended ones in between: they must not be listed.
                    Heddle.spawn(() -> {}).join();
                }
                List<Task<?>> alive = rt.aliveTasks();
                List<Task<?>> expected = new ArrayList<>();
                expected.add(Task.current());
                handles.forEach(h -> expected.add(h.task()));
                assertEquals(expected, alive);
                release.cancel();
                for (JoinHandle<Void> h : handles) {
                    h.join();
                }
                return handles;
            });
            assertEquals(List.of(), rt.aliveTasks());
            RuntimeMetrics m = rt.metrics();
            assertEquals(2L * TASKS + 1, m.spawnedTasks(), m.toString());
            assertEquals(m.spawnedTasks(), m.endedTasks(), m.toString());
            assertEquals(0, m.aliveTasks(), m.toString());
            for (JoinHandle<Void> h : waiting) {
                assertTrue(h.isFinished());
                assertNull(h.task().thread(), "an ended task lets go of its thread");
            }
        }
    }
}
