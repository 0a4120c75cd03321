package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.TaskDump;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tokio/tests/dump.rs}: {@code Handle::dump} is {@link Heddle#dump()}. Tokio's dump lists
 * the spawned tasks of the {@code block_on} future; Heddle's lists every live task, the caller
 * too, as the one {@link TaskDump.State#RUNNING} task, so the translations leave it out.
 *
 * <p>The tests of module {@code future_completes_during_trace} are regression tests of a dump
 * that deadlocked when a task completed during it.
 */
class DumpTest {

    static void a() {
        b();
    }

    static void b() {
        c();
    }

    static void c() {
        while (true) {
            Heddle.yieldNow();
        }
    }

    /** Three tasks in a, b, c yielding: the dump shows each with those frames and the yield. */
    private static void dumpShowsThreeTasksInTheirFrames() {
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(Heddle.spawn(DumpTest::a));
        }
        List<TaskDump.Task> others;
        do {
            Heddle.yieldNow();
            others = Heddle.dump().tasks().stream().filter(t -> t.state() != TaskDump.State.RUNNING).toList();
        } while (!others.stream().allMatch(t -> t.trace().contains("DumpTest.c")));
        assertEquals(3, others.size());
        for (TaskDump.Task t : others) {
            String trace = t.trace();
            assertTrue(trace.contains("DumpTest.a") && trace.contains("DumpTest.b") && trace.contains("DumpTest.c"),
                    trace);
            assertTrue(trace.contains("Heddle.yieldNow"), trace);
        }
        for (JoinHandle<Void> t : tasks) {
            t.abort();
            assertTrue(assertThrows(JoinException.class, t::join).isCancelled());
        }
    }

    /** Module future_completes_during_trace: a task that completes as soon as a dump has begun; neither hangs. */
    private static void aTaskCompletingDuringADumpEndsAndSoDoesTheDump(boolean yieldAfter) {
        AtomicBoolean tracing = new AtomicBoolean();
        JoinHandle<Void> completes = Heddle.spawn(() -> {
            while (!tracing.get()) {
                Heddle.yieldNow();
            }
        });
        tracing.set(true);
        TaskDump dump = Heddle.dump();
        if (yieldAfter) {
            Heddle.yieldNow();
        }
        completes.join();
        assertTrue(dump.tasks().size() <= 2, dump.toString());
    }

    // Tokio: current_thread, tokio/tests/dump.rs
    @CurrentThreadTest
    void currentThread() {
        dumpShowsThreeTasksInTheirFrames();
    }

    // Tokio: multi_thread, tokio/tests/dump.rs
    @SimTest(seeds = 20, workers = 3)
    void multiThread() {
        dumpShowsThreeTasksInTheirFrames();
    }

    // Tokio: future_completes_during_trace::current_thread, tokio/tests/dump.rs
    @CurrentThreadTest
    void futureCompletesDuringTraceCurrentThread() {
        aTaskCompletingDuringADumpEndsAndSoDoesTheDump(false);
    }

    // Tokio: future_completes_during_trace::multi_thread, tokio/tests/dump.rs
    @SimTest(seeds = 20, workers = 3)
    void futureCompletesDuringTraceMultiThread() {
        aTaskCompletingDuringADumpEndsAndSoDoesTheDump(true);
    }

    /**
     * Dumps again and again while a timer wakes a task from outside the workers; none panics (in
     * Tokio a traced task lost its notified bit). Tokio's timer sleeps 1 ns, which its 1 ms timer
     * resolution makes 1 ms, as Heddle's does; its dump suspends, and in simulation time moves only
     * when every task waits, so the dump loop sleeps 1 ms between dumps; and the timeout is 50 ms
     * rather than 1 s, to keep twenty seeds fast: about fifty dumps, each seeing the timer task.
     */
    // Tokio: notified_during_tracing, tokio/tests/dump.rs
    @SimTest(seeds = 20, workers = 3)
    void notifiedDuringTracing() {
        AtomicInteger ticks = new AtomicInteger();
        JoinHandle<Void> timer = Heddle.spawn("timer", () -> {
            while (true) {
                Heddle.sleep(Duration.ofNanos(1));
                ticks.incrementAndGet();
            }
        });
        AtomicInteger dumpsSeeingTheTimer = new AtomicInteger();
        JoinHandle<Void> dumper = Heddle.spawn("dumper", () -> {
            while (true) {
                if (Heddle.dump().tasks().stream().anyMatch(t -> t.name().equals("timer"))) {
                    dumpsSeeingTheTimer.incrementAndGet();
                }
                Heddle.sleep(Duration.ofMillis(1));
            }
        });
        Heddle.sleep(Duration.ofMillis(50));
        timer.abort();
        dumper.abort();
        assertTrue(ticks.get() >= 49, "timer ticks: " + ticks);
        assertTrue(dumpsSeeingTheTimer.get() >= 49, "dumps: " + dumpsSeeingTheTimer);
        assertTrue(assertThrows(JoinException.class, timer::join).isCancelled());
        assertTrue(assertThrows(JoinException.class, dumper::join).isCancelled());
    }
}
