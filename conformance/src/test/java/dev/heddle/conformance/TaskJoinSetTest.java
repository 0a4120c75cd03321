package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.oneshot.Receiver;
import dev.heddle.channel.oneshot.Sender;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.EnterGuard;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.JoinSet;
import dev.heddle.runtime.JoinedTask;
import dev.heddle.runtime.LocalSet;
import dev.heddle.sim.Sim;
import dev.heddle.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/task_join_set.rs}. Tokio's {@code join_next()} returning
 * {@code None} on an empty set is {@link JoinSet#isEmpty()} here ({@link JoinSet#joinNext()}
 * on an empty set throws), {@code Err(e)} a {@link JoinException}, and dropping the set is
 * {@link JoinSet#close()}. Where Tokio sees an aborted task's future dropped (a
 * {@code oneshot::Sender} it owned closes), the task's {@code finally} closes it here.
 */
class TaskJoinSetTest {

    // Tokio: test_with_sleep, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void testWithSleep() {
        JoinSet<Integer> set = new JoinSet<>();
        for (int i = 0; i < 10; i++) {
            int v = i;
            set.spawn(() -> v);
            assertEquals(1 + i, set.size());
        }
        set.detachAll();
        assertEquals(0, set.size());
        assertTrue(set.isEmpty());
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10; i++) {
                int v = i;
                set.spawn(() -> {
                    Heddle.sleep(Duration.ofSeconds(v));
                    return v;
                });
                if (round == 0) {
                    assertEquals(1 + i, set.size());
                }
            }
            boolean[] seen = new boolean[10];
            while (!set.isEmpty()) {
                seen[set.joinNext()] = true;
            }
            for (boolean wasSeen : seen) {
                assertTrue(wasSeen);
            }
            assertTrue(set.isEmpty());
        }
    }

    /**
     * A task that never ends on its own and closes {@code send} when it is aborted; the caller
     * yields until it started, since a Java task aborted before it first runs runs no
     * {@code finally} (where Tokio drops the never-polled future and its sender with it).
     */
    private static JoinHandle<Void> spawnPending(JoinSet<Void> set, AtomicInteger started, Sender<Void> send) {
        return set.spawn(pendingTask(started, send));
    }

    /** The body of {@link #spawnPending}: counts itself started, waits forever, closes {@code send} when aborted. */
    private static Callable<Void> pendingTask(AtomicInteger started, Sender<Void> send) {
        return () -> {
            started.incrementAndGet();
            try {
                new CancellationToken().awaitCancellation();
            } finally {
                send.close();
            }
            return null;
        };
    }

    // Tokio: test_abort_on_drop, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void testAbortOnDrop() {
        JoinSet<Void> set = new JoinSet<>();
        List<Receiver<Void>> recvs = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < 16; i++) {
            var channel = Oneshot.<Void>channel();
            recvs.add(channel.receiver());
            spawnPending(set, started, channel.sender());
        }
        while (started.get() < 16) {
            Heddle.yieldNow();
        }
        set.close();
        for (Receiver<Void> recv : recvs) {
            assertThrows(ChannelClosedException.class, recv::recv);
        }
    }

    // Tokio: alternating, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void alternating() {
        JoinSet<Void> set = new JoinSet<>();
        assertEquals(0, set.size());
        set.spawn(() -> null);
        assertEquals(1, set.size());
        set.spawn(() -> null);
        assertEquals(2, set.size());
        for (int i = 0; i < 16; i++) {
            assertNull(set.joinNext());
            assertEquals(1, set.size());
            set.spawn(() -> null);
            assertEquals(2, set.size());
        }
    }

    // Tokio: abort_tasks, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void abortTasks() {
        JoinSet<Integer> set = new JoinSet<>();
        int numCanceled = 0;
        int numCompleted = 0;
        for (int i = 0; i < 16; i++) {
            int v = i;
            JoinHandle<Integer> abort = set.spawn(() -> {
                Heddle.sleep(Duration.ofSeconds(v));
                return v;
            });
            if (i % 2 != 0) {
                abort.abort();
            }
        }
        while (!set.isEmpty()) {
            try {
                int res = set.joinNext();
                numCompleted++;
                assertEquals(0, res % 2);
            } catch (JoinException e) {
                assertTrue(e.isCancelled(), e.getMessage());
                numCanceled++;
            }
        }
        assertEquals(8, numCanceled);
        assertEquals(8, numCompleted);
    }

    // Tokio: runtime_gone, tokio/tests/task_join_set.rs
    // Real runtime: builds a runtime, spawns on it and closes it, then joins from a second runtime
    @Test
    void runtimeGone() {
        JoinSet<Integer> set;
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            set = new JoinSet<>(rt);
            set.spawn(() -> 1);
        }
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            JoinException e = rt.blockOn(() -> assertThrows(JoinException.class, set::joinNext));
            assertTrue(e.isCancelled(), e.getMessage());
        }
    }

    // Tokio: join_all, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void joinAll() {
        JoinSet<Integer> set = new JoinSet<>();
        for (int i = 0; i < 5; i++) {
            set.spawn(() -> 1);
        }
        List<Integer> res = set.joinAll();
        assertEquals(5, res.size());
        for (int itm : res) {
            assertEquals(1, itm);
        }
    }

    /**
     * {@code join_all} meets the task that failed after one second: it fails in turn, and the
     * task that would have sent after two seconds is aborted with the set, so nothing is sent.
     */
    // Tokio: task_panics, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void taskPanics(Sim sim) {
        JoinSet<Void> set = new JoinSet<>();
        var channel = Oneshot.<Boolean>channel();
        assertEquals(0, set.size());
        set.spawn(() -> {
            Heddle.sleep(Duration.ofSeconds(2));
            channel.sender().send(true);
            return null;
        });
        assertEquals(1, set.size());
        set.spawn(() -> {
            Heddle.sleep(Duration.ofSeconds(1));
            throw new IllegalStateException("explicit panic");
        });
        assertEquals(2, set.size());
        JoinException panic = assertThrows(JoinException.class, () -> Heddle.spawn(set::joinAll).join());
        Heddle.sleep(Duration.ofSeconds(2));
        try {
            assertNull(channel.receiver().tryRecv(), "the task that sends after two seconds was not aborted");
        } catch (ChannelClosedException closed) {
            // Tokio's try_recv().is_err() holds for a closed channel too.
        }
        assertTrue(panic.isFailed(), panic.getMessage());
    }

    // Tokio: abort_all, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void abortAll() {
        JoinSet<Void> set = new JoinSet<>();
        for (int i = 0; i < 5; i++) {
            set.spawn(() -> {
                new CancellationToken().awaitCancellation();
                return null;
            });
        }
        for (int i = 0; i < 5; i++) {
            set.spawn(() -> {
                Heddle.sleep(Duration.ofSeconds(1));
                return null;
            });
        }
        // The join set will now have 5 pending tasks and 5 ready tasks.
        Heddle.sleep(Duration.ofSeconds(2));
        set.abortAll();
        assertEquals(10, set.size());
        int count = 0;
        while (!set.isEmpty()) {
            try {
                set.joinNext();
            } catch (JoinException err) {
                assertTrue(err.isCancelled(), err.getMessage());
            }
            count++;
        }
        assertEquals(10, count);
        assertEquals(0, set.size());
    }

    /**
     * Spawns {@code taskNum} tasks that each wait for a change of a watch, sends one, and waits
     * until every task has closed its receiver (Tokio's {@code send.closed().await}); each task
     * adds a permit as it ends, so the wait is one suspension, and on a current-thread runtime
     * the task that adds the last permit ends before the waiting task runs again.
     */
    private static List<Long> spawnChangeWaitersAndRelease(JoinSet<Void> set, int taskNum) {
        var watch = Watch.channel(0);
        Semaphore ended = new Semaphore(0);
        List<Long> spawned = new ArrayList<>();
        for (int i = 0; i < taskNum; i++) {
            var recv = watch.receiver().clone();
            spawned.add(set.spawn(() -> {
                try {
                    recv.changed();
                } finally {
                    recv.close();
                    ended.addPermits(1);
                }
                return null;
            }).id());
        }
        watch.receiver().close();
        assertTrue(set.tryJoinNext().isEmpty());
        watch.sender().sendReplace(1);
        ended.acquire(taskNum).close();
        assertEquals(0, watch.sender().receiverCount());
        return spawned;
    }

    // Tokio: try_join_next, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void tryJoinNext() {
        int taskNum = 1000;
        JoinSet<Void> set = new JoinSet<>();
        spawnChangeWaitersAndRelease(set, taskNum);
        int count = 0;
        for (Optional<JoinedTask<Void>> next = set.tryJoinNext(); next.isPresent(); next = set.tryJoinNext()) {
            count++;
        }
        assertEquals(taskNum, count);
    }

    // Tokio: try_join_next_with_id, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void tryJoinNextWithId() {
        int taskNum = 1000;
        JoinSet<Void> set = new JoinSet<>();
        Set<Long> spawned = new HashSet<>(spawnChangeWaitersAndRelease(set, taskNum));
        assertEquals(taskNum, spawned.size());
        int count = 0;
        Set<Long> joined = new HashSet<>();
        for (Optional<JoinedTask<Void>> next = set.tryJoinNext(); next.isPresent(); next = set.tryJoinNext()) {
            count++;
            joined.add(next.get().id());
        }
        assertEquals(taskNum, count);
        assertEquals(spawned, joined);
    }

    /** Tokio builds the set from an iterator of futures and extends it with another; here, two loops of spawns. */
    // Tokio: extend, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void extend() {
        JoinSet<Integer> set = new JoinSet<>();
        for (int i = 0; i < 5; i++) {
            int v = i;
            set.spawn(() -> v);
        }
        for (int i = 5; i < 10; i++) {
            int v = i;
            set.spawn(() -> v);
        }
        boolean[] seen = new boolean[10];
        while (!set.isEmpty()) {
            seen[set.joinNext()] = true;
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
    }
    // mod spawn_local and mod spawn_local_on. Tokio's `flavor = "local"` (a LocalRuntime, where
    // spawn_local works in every task) is the current-thread runtime here, where a local task is an
    // ordinary one; its `current_thread` tests with a LocalSet run the same in LocalSet.runUntil.
    // Tokio's spawn_local_on(f, &local) is JoinSet.spawnLocalOn(body, local); dropping the LocalSet
    // at the end of a test is closing it. Tokio's tasks spawned on a LocalSet wait until it is
    // driven; Heddle's start at once (see LocalSet), so what a test checks before run_until holds
    // the same: the spawning task has not suspended yet, so no task has run.

    /** Tokio's spawn_index_tasks: n local tasks (in {@code on} when given) returning their index. */
    private static void spawnIndexTasks(JoinSet<Integer> set, int n, LocalSet on) {
        for (int i = 0; i < n; i++) {
            // Tokio moves an Rc (not Send) into each task; a StringBuilder is the unshared object here.
            StringBuilder rc = new StringBuilder().append(i);
            Callable<Integer> body = () -> Integer.parseInt(rc.toString());
            if (on == null) {
                set.spawnLocal(body);
            } else {
                set.spawnLocalOn(body, on);
            }
        }
    }

    /**
     * Tokio's spawn_pending_tasks: n local tasks that wait forever and close their oneshot sender
     * when aborted. Tokio drops a future that never ran, sender and all; a Java task aborted
     * before it first runs runs no {@code finally}, so the caller lets them start with
     * {@link #awaitStarted} before it aborts them.
     */
    private static void spawnPendingTasks(JoinSet<Void> set, List<Receiver<Void>> receivers, int n, LocalSet on,
            AtomicInteger started) {
        for (int i = 0; i < n; i++) {
            var channel = Oneshot.<Void>channel();
            receivers.add(channel.receiver());
            Callable<Void> body = pendingTask(started, channel.sender());
            if (on == null) {
                set.spawnLocal(body);
            } else {
                set.spawnLocalOn(body, on);
            }
        }
    }

    private static void awaitStarted(AtomicInteger started, int n) {
        while (started.get() < n) {
            Heddle.yieldNow();
        }
    }

    /** Tokio's drain_joinset_and_assert: every task returns its own index, and the set ends empty. */
    private static void drainJoinSetAndAssert(JoinSet<Integer> set, int n) {
        boolean[] seen = new boolean[n];
        while (!set.isEmpty()) {
            seen[set.joinNext()] = true;
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
        assertTrue(set.isEmpty());
    }

    /** Tokio's await_receivers_and_assert: every sender was closed by its aborted task. */
    private static void awaitReceiversAndAssert(List<Receiver<Void>> receivers) {
        for (Receiver<Void> rx : receivers) {
            assertThrows(ChannelClosedException.class, rx::recv,
                    "the task should have been aborted and the sender dropped");
        }
    }

    /**
     * Tokio's {@code JoinSet::new()} works outside a runtime and {@code spawn_local} panics; Heddle's
     * {@code new JoinSet<>()} already fails there, naming the missing runtime, and on a runtime
     * entered by a thread that is no task, spawnLocal fails: a local task has no task's worker to
     * stay on. Neither leaves a task in the set.
     */
    // Tokio: spawn_local::panic_outside_any_runtime, tokio/tests/task_join_set.rs
    // Real runtime: outside any runtime means a thread that is no task, which a simulation body never is
    @Test
    void spawnLocalPanicOutsideAnyRuntime() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> new JoinSet<Integer>().spawnLocal(() -> 1));
        assertTrue(none.getMessage().startsWith("no Heddle runtime on thread"), none.getMessage());
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build(); EnterGuard entered = rt.enter()) {
            JoinSet<Integer> set = new JoinSet<>();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> set.spawnLocal(() -> 1));
            assertTrue(e.getMessage().startsWith("spawnLocal called from outside a task of this runtime"),
                    e.getMessage());
            assertTrue(set.isEmpty());
        }
    }

    /**
     * Tokio's multi-thread runtime keeps no local task outside a LocalSet. Heddle's keeps one on
     * the worker of the task that spawns it, so spawnLocal fails only where the calling thread is
     * on no worker: inside blockInPlace (as Tokio's task_builder test
     * spawn_local_panics_in_multi_thread_runtime translates). Checked as well: on a worker, the
     * task runs on the spawning task's worker.
     */
    // Tokio: spawn_local::panic_in_multi_thread_runtime, tokio/tests/task_join_set.rs
    @MultiThreadTest
    void spawnLocalPanicInMultiThreadRuntime() {
        JoinSet<Integer> set = new JoinSet<>();
        IllegalStateException e = Heddle.blockInPlace(
                () -> assertThrows(IllegalStateException.class, () -> set.spawnLocal(() -> 1)));
        assertTrue(e.getMessage().startsWith("spawnLocal called from"), e.getMessage());
        assertTrue(e.getMessage().contains("inside blockInPlace"), e.getMessage());
        assertTrue(set.isEmpty());
        int worker = Heddle.workerIndex().orElseThrow();
        set.spawnLocal(() -> {
            Heddle.yieldNow();
            return Heddle.workerIndex().orElseThrow();
        });
        assertEquals(worker, set.joinNext());
    }

    // Tokio: spawn_local::local_runtime::spawn_then_join_next, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalLocalRuntimeSpawnThenJoinNext() {
        int n = 8;
        JoinSet<Integer> set = new JoinSet<>();
        spawnIndexTasks(set, n, null);
        assertTrue(set.tryJoinNext().isEmpty());
        drainJoinSetAndAssert(set, n);
    }

    // Tokio: spawn_local::local_runtime::spawn_then_shutdown, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalLocalRuntimeSpawnThenShutdown() {
        int n = 8;
        JoinSet<Void> set = new JoinSet<>();
        List<Receiver<Void>> receivers = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        spawnPendingTasks(set, receivers, n, null, started);
        assertTrue(set.tryJoinNext().isEmpty());
        awaitStarted(started, n);
        set.shutdown();
        assertTrue(set.isEmpty());
        awaitReceiversAndAssert(receivers);
    }

    // Tokio: spawn_local::local_runtime::spawn_then_drop, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalLocalRuntimeSpawnThenDrop() {
        int n = 8;
        JoinSet<Void> set = new JoinSet<>();
        List<Receiver<Void>> receivers = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        spawnPendingTasks(set, receivers, n, null, started);
        assertTrue(set.tryJoinNext().isEmpty());
        awaitStarted(started, n);
        set.close();
        awaitReceiversAndAssert(receivers);
    }

    // Tokio: spawn_local::local_set::spawn_then_join_next, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalLocalSetSpawnThenJoinNext() {
        int n = 8;
        try (LocalSet local = new LocalSet()) {
            local.runUntil(() -> {
                JoinSet<Integer> set = new JoinSet<>();
                spawnIndexTasks(set, n, null);
                drainJoinSetAndAssert(set, n);
                return null;
            });
        }
    }

    // Tokio: spawn_local::local_set::spawn_then_shutdown, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalLocalSetSpawnThenShutdown() {
        int n = 8;
        try (LocalSet local = new LocalSet()) {
            local.runUntil(() -> {
                JoinSet<Void> set = new JoinSet<>();
                List<Receiver<Void>> receivers = new ArrayList<>();
                AtomicInteger started = new AtomicInteger();
                spawnPendingTasks(set, receivers, n, null, started);
                assertTrue(set.tryJoinNext().isEmpty());
                awaitStarted(started, n);
                set.shutdown();
                assertTrue(set.isEmpty());
                awaitReceiversAndAssert(receivers);
                return null;
            });
        }
    }

    // Tokio: spawn_local::local_set::spawn_then_drop, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalLocalSetSpawnThenDrop() {
        int n = 8;
        try (LocalSet local = new LocalSet()) {
            local.runUntil(() -> {
                JoinSet<Void> set = new JoinSet<>();
                List<Receiver<Void>> receivers = new ArrayList<>();
                AtomicInteger started = new AtomicInteger();
                spawnPendingTasks(set, receivers, n, null, started);
                assertTrue(set.tryJoinNext().isEmpty());
                awaitStarted(started, n);
                set.close();
                awaitReceiversAndAssert(receivers);
                return null;
            });
        }
    }

    // Tokio: spawn_local_on::local_runtime::spawn_then_join_next, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalOnLocalRuntimeSpawnThenJoinNext() {
        int n = 8;
        try (LocalSet local = new LocalSet()) {
            JoinSet<Integer> set = new JoinSet<>();
            spawnIndexTasks(set, n, local);
            assertTrue(set.tryJoinNext().isEmpty());
            local.runUntil(() -> {
                drainJoinSetAndAssert(set, n);
                return null;
            });
        }
    }

    // Tokio: spawn_local_on::local_set::spawn_then_join_next, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalOnLocalSetSpawnThenJoinNext() {
        int n = 8;
        try (LocalSet local = new LocalSet()) {
            JoinSet<Integer> pendingSet = new JoinSet<>();
            spawnIndexTasks(pendingSet, n, local);
            assertTrue(pendingSet.tryJoinNext().isEmpty());
            local.runUntil(() -> {
                drainJoinSetAndAssert(pendingSet, n);
                return null;
            });
        }
    }

    // Tokio: spawn_local_on::local_set::spawn_then_shutdown, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalOnLocalSetSpawnThenShutdown() {
        int n = 8;
        try (LocalSet local = new LocalSet()) {
            JoinSet<Void> set = new JoinSet<>();
            List<Receiver<Void>> receivers = new ArrayList<>();
            AtomicInteger started = new AtomicInteger();
            spawnPendingTasks(set, receivers, n, local, started);
            assertTrue(set.tryJoinNext().isEmpty());
            local.runUntil(() -> {
                awaitStarted(started, n);
                set.shutdown();
                assertTrue(set.isEmpty());
                awaitReceiversAndAssert(receivers);
                return null;
            });
        }
    }

    /** Drops the JoinSet before the LocalSet is driven, then, with a second pair, while it is driven. */
    // Tokio: spawn_local_on::local_set::spawn_then_drop, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void spawnLocalOnLocalSetSpawnThenDrop() {
        int n = 8;
        try (LocalSet local = new LocalSet()) {
            JoinSet<Void> set = new JoinSet<>();
            List<Receiver<Void>> receivers = new ArrayList<>();
            AtomicInteger started = new AtomicInteger();
            spawnPendingTasks(set, receivers, n, local, started);
            assertTrue(set.tryJoinNext().isEmpty());
            awaitStarted(started, n);
            set.close();
            local.runUntil(() -> {
                awaitReceiversAndAssert(receivers);
                return null;
            });
        }
        try (LocalSet local = new LocalSet()) {
            JoinSet<Void> set = new JoinSet<>();
            List<Receiver<Void>> receivers = new ArrayList<>();
            AtomicInteger started = new AtomicInteger();
            spawnPendingTasks(set, receivers, n, local, started);
            assertTrue(set.tryJoinNext().isEmpty());
            local.runUntil(() -> {
                awaitStarted(started, n);
                set.close();
                awaitReceiversAndAssert(receivers);
                return null;
            });
        }
    }

    /**
     * Joining a thousand finished tasks spends the cooperative budget like any ready operation:
     * Tokio's {@code join_next().now_or_never()} is {@code None} once the budget is spent, and
     * Heddle's {@code joinNext} then yields before it joins. The test counts the joins made on a
     * spent budget, and checks that none was lost.
     */
    // Tokio: join_set_coop, tokio/tests/task_join_set.rs
    @CurrentThreadTest
    void joinSetCoop() {
        final int taskNum = 1000;
        Semaphore sem = new Semaphore(0);
        JoinSet<Void> set = new JoinSet<>();
        for (int i = 0; i < taskNum; i++) {
            set.spawn(() -> {
                sem.addPermits(1);
                return null;
            });
        }
        sem.acquire(taskNum).close();
        int count = 0;
        int coopCount = 0;
        while (!set.isEmpty()) {
            if (!Heddle.hasBudgetRemaining()) {
                coopCount++;
            }
            set.joinNext();
            count++;
        }
        assertTrue(coopCount >= 1, "no join found the budget spent");
        assertEquals(taskNum, count);
    }
}
