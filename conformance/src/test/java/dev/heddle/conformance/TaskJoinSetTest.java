package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.oneshot.Receiver;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.JoinSet;
import dev.heddle.runtime.JoinedTask;
import dev.heddle.sim.Sim;
import dev.heddle.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private static JoinHandle<Void> spawnPending(JoinSet<Void> set, AtomicInteger started,
            dev.heddle.channel.oneshot.Sender<Void> send) {
        return set.spawn(() -> {
            started.incrementAndGet();
            try {
                new CancellationToken().awaitCancellation();
            } finally {
                send.close();
            }
            return null;
        });
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
}
