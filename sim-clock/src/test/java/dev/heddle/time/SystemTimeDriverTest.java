package dev.heddle.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real-time tests: they wait on events with generous bounds and never assert on elapsed time. */
class SystemTimeDriverTest {
    private static final long MS = 1_000_000;
    private static final long SECONDS_TO_WAIT = 30;

    private final SystemTimeDriver time = new SystemTimeDriver();

    @AfterEach
    void close() {
        time.close();
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(SECONDS_TO_WAIT, TimeUnit.SECONDS), "timed out waiting for a timer");
    }

    /** Occupies the timer thread until released, so that the test knows the thread collects nothing meanwhile. */
    private CountDownLatch blockTimerThread() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        time.schedule(time.now(), () -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await(running);
        return release;
    }

    @Test
    void aTimerFiresOnTheDaemonTimerThread() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicReference<Thread> firedOn = new AtomicReference<>();
        long deadline = time.now() + 20 * MS;
        Timer timer = time.schedule(deadline, () -> {
            firedOn.set(Thread.currentThread());
            fired.countDown();
        });
        await(fired);
        assertTrue(time.now() >= deadline, "fired before its deadline");
        assertEquals("heddle-timer", firedOn.get().getName());
        assertTrue(firedOn.get().isDaemon());
        assertFalse(timer.cancel());
        assertEquals(deadline, timer.deadline());
    }

    @Test
    void theTimerThreadCanBeNamed() throws InterruptedException {
        try (SystemTimeDriver named = new SystemTimeDriver("node-3-timer")) {
            CountDownLatch fired = new CountDownLatch(1);
            AtomicReference<String> name = new AtomicReference<>();
            named.schedule(named.now(), () -> {
                name.set(Thread.currentThread().getName());
                fired.countDown();
            });
            await(fired);
            assertEquals("node-3-timer", name.get());
        }
    }

    @Test
    void aCancelledTimerDoesNotFire() throws InterruptedException {
        CountDownLatch release = blockTimerThread();
        List<String> fired = new CopyOnWriteArrayList<>();
        CountDownLatch sentinel = new CountDownLatch(1);
        Timer cancelled = time.schedule(time.now(), () -> fired.add("cancelled"));
        time.schedule(time.now() + 2 * MS, () -> {
            fired.add("sentinel");
            sentinel.countDown();
        });
        assertTrue(cancelled.cancel());
        assertFalse(cancelled.cancel());
        release.countDown();
        await(sentinel);
        assertEquals(List.of("sentinel"), fired);
    }

    @Test
    void anEarlierTimerScheduledWhileTheThreadSleepsForALaterOneWakesItAndFiresFirst() throws InterruptedException {
        List<String> fired = new CopyOnWriteArrayList<>();
        Timer late = time.schedule(time.now() + TimeUnit.HOURS.toNanos(1), () -> fired.add("late"));
        CountDownLatch earlyFired = new CountDownLatch(1);
        time.schedule(time.now() + 10 * MS, () -> {
            fired.add("early");
            earlyFired.countDown();
        });
        await(earlyFired);
        assertTrue(late.cancel(), "the later timer must still be pending");
        assertEquals(List.of("early"), fired);
    }

    @Test
    void timersFireInDeadlineOrder() throws InterruptedException {
        CountDownLatch release = blockTimerThread();
        List<Integer> fired = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        long now = time.now();
        int[] offsetsMs = {5, 1, 3, 1, 4, 2};
        for (int i = 0; i < offsetsMs.length; i++) {
            int index = i;
            time.schedule(now + offsetsMs[i] * MS, () -> fired.add(index));
        }
        time.schedule(now + 6 * MS, last::countDown);
        release.countDown();
        await(last);
        assertEquals(List.of(1, 3, 5, 2, 4, 0), fired);
    }

    @Test
    void aFailingActionIsReportedAndTheThreadGoesOn() throws InterruptedException {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CountDownLatch after = new CountDownLatch(1);
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            long now = time.now();
            time.schedule(now, () -> {
                throw new IllegalStateException("planted failure");
            });
            time.schedule(now + 1 * MS, after::countDown);
            await(after);
        } finally {
            System.setErr(originalErr);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("heddle-timer") && report.contains("planted failure")
                && report.contains("SystemTimeDriverTest"), report);
    }

    @Test
    void closeStopsTheThreadAndPendingTimersNeverFire() throws InterruptedException {
        AtomicReference<Thread> timerThread = new AtomicReference<>();
        CountDownLatch seen = new CountDownLatch(1);
        time.schedule(time.now(), () -> {
            timerThread.set(Thread.currentThread());
            seen.countDown();
        });
        await(seen);
        List<String> fired = new CopyOnWriteArrayList<>();
        Timer pending = time.schedule(time.now() + TimeUnit.HOURS.toNanos(1), () -> fired.add("pending"));
        time.close();
        assertFalse(timerThread.get().isAlive());
        assertThrows(IllegalStateException.class, () -> time.schedule(0, () -> fired.add("after close")));
        time.close();
        assertTrue(pending.cancel(), "a pending timer stays pending after close");
        assertEquals(List.of(), fired);
    }

    @Test
    void aTimerAlreadyDueWhenCloseIsCalledDoesNotFire() throws InterruptedException {
        CountDownLatch release = blockTimerThread();
        List<String> fired = new CopyOnWriteArrayList<>();
        Timer due = time.schedule(time.now(), () -> fired.add("due"));
        Thread closer = Thread.ofPlatform().start(time::close);
        while (true) {
            try {
                time.schedule(0, () -> fired.add("probe")).cancel();
            } catch (IllegalStateException closed) {
                break;
            }
            Thread.onSpinWait();
        }
        release.countDown();
        closer.join();
        assertTrue(due.cancel(), "the due timer must not have been taken by the stopped thread");
        assertEquals(List.of(), fired);
    }

    @Test
    void closeFromATimerActionDoesNotWaitForItself() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        time.schedule(time.now(), () -> {
            time.close();
            closed.countDown();
        });
        await(closed);
        assertThrows(IllegalStateException.class, () -> time.schedule(0, () -> { }));
    }

    @Test
    void manyThreadsScheduleAndCancelConcurrently() throws InterruptedException {
        int threads = 4;
        int timersPerThread = 500;
        Set<Integer> fired = ConcurrentHashMap.newKeySet();
        Set<Integer> expected = ConcurrentHashMap.newKeySet();
        long base = time.now();
        List<Thread> schedulers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            schedulers.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(thread);
                for (int i = 0; i < timersPerThread; i++) {
                    int id = thread * timersPerThread + i;
                    Timer timer = time.schedule(base + random.nextInt(30) * MS, () -> fired.add(id));
                    if (random.nextBoolean() && timer.cancel()) {
                        continue;
                    }
                    expected.add(id);
                }
            }));
        }
        for (Thread scheduler : schedulers) {
            scheduler.join();
        }
        CountDownLatch sentinel = new CountDownLatch(1);
        time.schedule(base + 31 * MS, sentinel::countDown);
        await(sentinel);
        assertEquals(new HashSet<>(expected), new HashSet<>(fired));
        assertTrue(expected.size() > timersPerThread, "about half the timers should be kept");
    }
}
