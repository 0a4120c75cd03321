package dev.heddle.runtime.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeMetrics;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.time.TimeDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The work-stealing scheduler carrying a real multi-thread runtime. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiThreadRuntimeTest {

    @Test
    void a_million_tasks_spawned_from_inside_and_outside_all_complete_and_the_metrics_add_up() throws Exception {
        int outsideThreads = 2;
        int perOutsideThread = 250_000;
        int inside = 500_000;
        LongAdder ran = new LongAdder();
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(4).build()) {
            List<Thread> outside = new ArrayList<>();
            List<List<JoinHandle<Void>>> outsideHandles = new ArrayList<>();
            for (int t = 0; t < outsideThreads; t++) {
                List<JoinHandle<Void>> handles = new ArrayList<>(perOutsideThread);
                outsideHandles.add(handles);
                outside.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perOutsideThread; i++) {
                        handles.add(rt.spawn(ran::increment));
                    }
                }));
            }
            long insideSum = rt.blockOn(() -> {
                List<JoinHandle<Integer>> handles = new ArrayList<>(inside / 100);
                for (int p = 0; p < inside / 1000; p++) {
                    handles.add(Heddle.spawn(() -> {
                        List<JoinHandle<Void>> children = new ArrayList<>(1000);
                        for (int i = 0; i < 1000; i++) {
                            children.add(Heddle.spawn(ran::increment));
                        }
                        for (JoinHandle<Void> c : children) {
                            c.join();
                        }
                        return children.size();
                    }));
                }
                long sum = 0;
                for (JoinHandle<Integer> h : handles) {
                    sum += h.join();
                }
                return sum;
            });
            for (Thread t : outside) {
                t.join();
            }
            rt.blockOn(() -> {
                for (List<JoinHandle<Void>> handles : outsideHandles) {
                    for (JoinHandle<Void> h : handles) {
                        h.join();
                    }
                }
                return null;
            });
            assertEquals(inside, insideSum);
            assertEquals(inside + (long) outsideThreads * perOutsideThread, ran.sum());

            // Every task ended before its join returned, so the counters are settled.
            RuntimeMetrics m = rt.metrics();
            long outsideSpawns = (long) outsideThreads * perOutsideThread;
            long parents = inside / 1000;
            long roots = 2;
            long tasks = outsideSpawns + inside + parents + roots;
            assertEquals(4, m.workers());
            assertEquals(4, m.perWorker().size());
            assertEquals(tasks, m.spawnedTasks(), "every task spawned, and only those: " + m);
            assertEquals(tasks, m.endedTasks(), "every spawned task ended: " + m);
            assertEquals(0, m.aliveTasks());
            assertEquals(0, m.injectionQueueDepth());
            for (WorkerMetrics w : m.perWorker()) {
                assertEquals(0, w.localQueueDepth(), "worker " + w.index() + " queue is empty at rest");
                assertEquals(0, w.lifoSlotDepth(), "worker " + w.index() + " LIFO slot is empty at rest");
            }
            // Each submission to the scheduler ran exactly once: none lost, none run twice.
            assertEquals(m.remoteSchedules() + m.localSchedules(), m.polls(),
                    "polls = remote schedules + local schedules: " + m);
            assertTrue(m.remoteSchedules() >= outsideSpawns + roots,
                    "the outside spawns and the roots came through the injection queue: " + m);
            assertTrue(m.localSchedules() >= inside + parents,
                    "the spawns inside the runtime were scheduled on the spawning worker: " + m);
            assertTrue(m.polls() >= tasks, "every task was polled at least once: " + m);
            long stolen = m.perWorker().stream().mapToLong(WorkerMetrics::stolenTasks).sum();
            assertTrue(stolen >= m.steals(), "each steal takes at least one task");
            assertTrue(m.lifoHits() <= m.polls());
            assertTrue(m.perWorker().stream().filter(w -> w.polls() > 0).count() >= 2,
                    "the work was spread over several workers: " + m);
        }
    }

    @Test
    void a_current_thread_runtime_reports_its_one_worker_and_its_tasks() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            RuntimeMetrics inside = rt.blockOn(() -> {
                JoinHandle<Void> parked = Heddle.spawn(() -> Heddle.sleep(Duration.ofMillis(1)));
                RuntimeMetrics m = rt.metrics();
                parked.join();
                return m;
            });
            assertEquals(1, inside.workers());
            assertEquals(2, inside.aliveTasks(), "the main task and the sleeper");
            assertEquals(2, inside.spawnedTasks());
            assertEquals(0, inside.endedTasks());
            assertTrue(inside.perWorker().isEmpty());
            RuntimeMetrics after = rt.metrics();
            assertEquals(0, after.aliveTasks());
            assertEquals(2, after.endedTasks());
        }
    }

    @Test
    void worker_threads_are_named_and_run_the_start_and_stop_hooks() throws Exception {
        Set<String> started = ConcurrentHashMap.newKeySet();
        AtomicInteger stopped = new AtomicInteger();
        HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(3).threadName("svc")
                .onThreadStart(() -> started.add(Thread.currentThread().getName()))
                .onThreadStop(stopped::incrementAndGet)
                .build();
        String carrier = rt.blockOn(() -> Thread.currentThread().toString());
        assertTrue(carrier.contains("svc-worker-"), "the task's carrier is a named worker: " + carrier);
        rt.close();
        assertTrue(started.containsAll(Set.of("svc-worker-1", "svc-worker-2", "svc-worker-3")), started.toString());
        assertEquals(3, stopped.get(), "every worker ran its stop hook before close returned");
    }

    @Test
    void a_task_that_yields_goes_to_the_back_so_the_others_run() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).build()) {
            AtomicBoolean flag = new AtomicBoolean();
            int yields = rt.blockOn(() -> {
                JoinHandle<Void> setter = Heddle.spawn(() -> flag.set(true));
                int n = 0;
                while (!flag.get()) {
                    Heddle.yieldNow();
                    n++;
                }
                setter.join();
                return n;
            });
            assertTrue(flag.get());
            assertTrue(yields <= 2, "the spawned task ran after at most two yields, took " + yields);
        }
    }

    @Test
    void a_task_spawning_in_a_loop_lets_its_worker_run_the_children_once_its_queue_is_full() {
        // One worker, and a spawner that never suspends: only the spawner giving way when its
        // local queue fills lets any child run before the loop ends, and keeps the unstarted
        // children to about a queue's worth instead of all of them.
        int children = 20 * LocalQueue.DEFAULT_CAPACITY;
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).build()) {
            AtomicInteger ran = new AtomicInteger();
            int[] seenAtLoopEnd = rt.blockOn(() -> {
                List<JoinHandle<Void>> handles = new ArrayList<>(children);
                for (int i = 0; i < children; i++) {
                    handles.add(Heddle.spawn(() -> {
                        ran.incrementAndGet();
                    }));
                }
                int[] seen = {ran.get(), rt.metrics().aliveTasks()};
                for (JoinHandle<Void> h : handles) {
                    h.join();
                }
                return seen;
            });
            assertTrue(seenAtLoopEnd[0] > 0, "no child ran while the spawner spawned " + children);
            assertTrue(seenAtLoopEnd[1] <= 4 * LocalQueue.DEFAULT_CAPACITY,
                    seenAtLoopEnd[1] + " tasks alive at the end of the spawn loop");
            assertEquals(children, ran.get());
        }
    }

    @Test
    void two_tasks_waking_each_other_do_not_starve_a_third() {
        // Ping-pong on one worker keeps the LIFO slot busy; the guard must let the queued task run.
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).build()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong bounces = new AtomicLong();
            long atStop = rt.blockOn(() -> {
                Thread[] pair = new Thread[2];
                AtomicInteger turn = new AtomicInteger();
                List<JoinHandle<Void>> players = new ArrayList<>();
                CountDownLatch bound = new CountDownLatch(2);
                for (int me = 0; me < 2; me++) {
                    int self = me;
                    players.add(Heddle.spawn(() -> {
                        pair[self] = Thread.currentThread();
                        bound.countDown();
                        while (bound.getCount() > 0) {
                            Heddle.yieldNow();
                        }
                        while (!stop.get()) {
                            while (turn.get() != self && !stop.get()) {
                                java.util.concurrent.locks.LockSupport.park();
                            }
                            bounces.incrementAndGet();
                            turn.set(1 - self);
                            java.util.concurrent.locks.LockSupport.unpark(pair[1 - self]);
                        }
                    }));
                }
                JoinHandle<Long> third = Heddle.spawn(() -> {
                    while (bounces.get() < 100) {
                        Heddle.yieldNow();
                    }
                    stop.set(true);
                    return bounces.get();
                });
                long seen = third.join();
                for (Thread t : pair) {
                    java.util.concurrent.locks.LockSupport.unpark(t);
                }
                for (JoinHandle<Void> p : players) {
                    p.join();
                }
                return seen;
            });
            assertTrue(atStop >= 100);
        }
    }

    @Test
    void timers_and_blocking_tasks_wake_tasks_through_the_injection_queue() throws Exception {
        int sleepers = 50;
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).maxBlockingThreads(2).build()) {
            // The timer thread is held in an action of its own until every sleeper has parked, so that
            // each sleep ends with a wake-up from the timer thread rather than before its task parked.
            TimeDriver time = RuntimeAccess.carrier(rt).time();
            CountDownLatch timerHeld = new CountDownLatch(1);
            AtomicReference<Thread> timerThread = new AtomicReference<>();
            AtomicBoolean releaseTimer = new AtomicBoolean();
            time.schedule(time.now(), () -> {
                timerThread.set(Thread.currentThread());
                timerHeld.countDown();
                while (!releaseTimer.get()) {
                    LockSupport.park(releaseTimer);
                }
            });
            int[] outcome = rt.blockOn(() -> {
                timerHeld.await();
                long remoteBefore = rt.metrics().remoteSchedules();
                List<JoinHandle<Integer>> hs = new ArrayList<>();
                int parkedInSleep = 0;
                for (int i = 0; i < sleepers; i++) {
                    int v = i;
                    AtomicReference<Thread> sleeper = new AtomicReference<>();
                    AtomicBoolean slept = new AtomicBoolean();
                    AtomicBoolean joining = new AtomicBoolean();
                    hs.add(Heddle.spawn(() -> {
                        sleeper.set(Thread.currentThread());
                        Heddle.sleep(Duration.ofMillis(100));
                        slept.set(true);
                        // The blocking task ends only once its joiner is parked, so its end is a wake-up from
                        // a blocking-pool thread.
                        JoinHandle<Integer> blocking = Heddle.spawnBlocking(() -> {
                            while (!(joining.get() && sleeper.get().getState() == Thread.State.WAITING)) {
                                Thread.yield();
                            }
                            return v;
                        });
                        joining.set(true);
                        return blocking.join();
                    }));
                    // One sleeper at a time, so none waits for another on the timer's lock: parked now means
                    // parked in its sleep, unless it is past the sleep already (its deadline passed before).
                    while (true) {
                        Thread t = sleeper.get();
                        if (t != null && t.getState() == Thread.State.WAITING && !slept.get()) {
                            parkedInSleep++;
                            break;
                        }
                        if (slept.get()) {
                            break;
                        }
                        Heddle.yieldNow();
                    }
                }
                releaseTimer.set(true);
                LockSupport.unpark(timerThread.get());
                int s = 0;
                for (JoinHandle<Integer> h : hs) {
                    s += h.join();
                }
                return new int[] {s, parkedInSleep, (int) (rt.metrics().remoteSchedules() - remoteBefore)};
            });
            int sum = outcome[0];
            int timerWakeUps = outcome[1];
            int remoteSchedules = outcome[2];
            assertEquals((sleepers - 1) * sleepers / 2, sum);
            assertTrue(timerWakeUps > 0, "some sleeper parked before its 100 ms deadline passed");
            assertTrue(remoteSchedules >= timerWakeUps + sleepers,
                    "each of the " + timerWakeUps + " timer wake-ups and the " + sleepers
                            + " blocking-task wake-ups came through the injection queue, but only "
                            + remoteSchedules + " remote schedules were counted");
            assertTrue(rt.metrics().blockingThreads() <= 2);
        }
    }

    @Test
    void an_idle_blocking_thread_goes_away_after_its_runtimes_keep_alive() {
        try (HeddleRuntime keepsIt = HeddleRuntime.multiThread().workerThreads(1).threadName("hour")
                     .blockingKeepAlive(Duration.ofHours(1)).build();
             HeddleRuntime dropsIt = HeddleRuntime.multiThread().workerThreads(1).threadName("milli")
                     .blockingKeepAlive(Duration.ofMillis(1)).build()) {
            Thread kept = keepsIt.blockOn(() -> Heddle.spawnBlocking(Thread::currentThread).join());
            Thread dropped = dropsIt.blockOn(() -> Heddle.spawnBlocking(Thread::currentThread).join());
            assertTrue(dropped.getName().startsWith("milli-blocking-"), dropped.getName());
            // Waits on the event, under the class's JUnit timeout: the idle thread ends by itself.
            while (dropsIt.metrics().blockingThreads() > 0 || dropped.isAlive()) {
                Thread.onSpinWait();
                Thread.yield();
            }
            assertEquals(1, keepsIt.metrics().blockingThreads(),
                    "the runtime with an hour's keep-alive keeps its idle blocking thread, started first");
            assertTrue(kept.isAlive());
            assertEquals(42, dropsIt.blockOn(() -> Heddle.spawnBlocking(() -> 42).join()),
                    "a new blocking thread starts for the next blocking task");
        }
    }

    @Test
    void the_blocking_keep_alive_must_be_positive_and_the_error_names_it() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> HeddleRuntime.multiThread().blockingKeepAlive(bad).build());
            assertTrue(e.getMessage().contains("blockingKeepAlive") && e.getMessage().contains(String.valueOf(bad)),
                    e.getMessage());
        }
    }

    @Test
    void tasks_of_two_runtimes_wake_each_other_through_their_injection_queues() {
        try (HeddleRuntime a = HeddleRuntime.multiThread().workerThreads(2).threadName("a").build();
             HeddleRuntime b = HeddleRuntime.multiThread().workerThreads(2).threadName("b").build()) {
            long sum = a.blockOn(() -> {
                long s = 0;
                for (int i = 0; i < 200; i++) {
                    int v = i;
                    // The task on b ends on one of b's workers and wakes this task, which belongs to a.
                    s += b.spawn(() -> {
                        assertTrue(Thread.currentThread().toString().contains("@b-worker-"));
                        Heddle.yieldNow();
                        return v;
                    }).join();
                    String carrier = Thread.currentThread().toString();
                    assertTrue(carrier.contains("@a-worker-"), "a's task resumed on a's workers: " + carrier);
                }
                return s;
            });
            assertEquals(199 * 200 / 2, sum);
        }
    }

    @Test
    void shutdown_aborts_what_is_left_runs_finally_blocks_and_reports_leftovers() throws Exception {
        HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build();
        AtomicInteger cleanedUp = new AtomicInteger();
        CountDownLatch parked = new CountDownLatch(10);
        List<JoinHandle<Void>> sleepers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sleepers.add(rt.spawn(() -> {
                try {
                    parked.countDown();
                    Heddle.sleep(Duration.ofHours(1));
                } finally {
                    cleanedUp.incrementAndGet();
                }
            }));
        }
        assertTrue(parked.await(30, TimeUnit.SECONDS));
        assertTrue(rt.shutdown(Duration.ofSeconds(30)), "every task ended within the limit");
        assertEquals(10, cleanedUp.get());
        for (JoinHandle<Void> h : sleepers) {
            assertTrue(h.isFinished());
            JoinException e = org.junit.jupiter.api.Assertions.assertThrows(JoinException.class, h::join);
            assertTrue(e.isCancelled());
        }
    }

    @Test
    void shutdown_gives_up_on_a_task_that_never_suspends() throws Exception {
        HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build();
        AtomicBoolean release = new AtomicBoolean();
        CountDownLatch spinning = new CountDownLatch(1);
        rt.spawn(() -> {
            spinning.countDown();
            while (!release.get()) {
                Thread.onSpinWait();
            }
        });
        assertTrue(spinning.await(30, TimeUnit.SECONDS));
        try {
            assertFalse(rt.shutdown(Duration.ofMillis(50)), "the spinning task was left behind");
        } finally {
            release.set(true);
        }
    }
}
