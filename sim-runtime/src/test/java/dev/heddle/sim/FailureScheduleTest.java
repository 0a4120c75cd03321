package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every failure report ends (before its rerun line) with the schedule that led to it: the last
 * steps, which task ran, where it suspended and what it woke; and a failure carries its run's
 * facts as data.
 */
class FailureScheduleTest {
    private static final Pattern STEP = Pattern.compile("^  #(\\d+) (\\S+)  ran(.*)$", Pattern.MULTILINE);

    /** The schedule part of a failure's message, checked to stand just before the rerun line. */
    private static String schedule(SimulationFailure f) {
        String m = f.getMessage();
        int at = m.indexOf("\nSchedule: the last ");
        assertTrue(at >= 0, "no schedule in:\n" + m);
        int rerun = m.lastIndexOf("\nrerun: ");
        assertTrue(rerun > at && m.indexOf('\n', rerun + 1) < 0, "the schedule must come just before the rerun line:\n"
                + m);
        return m.substring(at + 1, rerun + 1);
    }

    /** Checks the schedule's steps are numbered up to the failure's step count, and returns the step lines. */
    private static List<Matcher> steps(SimulationFailure f) {
        String schedule = schedule(f);
        List<Matcher> steps = STEP.matcher(schedule).results().map(r -> {
            Matcher m = STEP.matcher(r.group());
            assertTrue(m.matches());
            return m;
        }).toList();
        assertFalse(steps.isEmpty(), schedule);
        assertEquals(f.steps(), Long.parseLong(steps.getLast().group(1)), schedule);
        for (int i = 1; i < steps.size(); i++) {
            assertEquals(Long.parseLong(steps.get(i - 1).group(1)) + 1, Long.parseLong(steps.get(i).group(1)),
                    schedule);
        }
        return steps;
    }

    /** A replayed schedule gives every step but the failing one the line where its task suspended. */
    private static void assertSitesNoted(SimulationFailure f) {
        String schedule = schedule(f);
        assertTrue(schedule.contains("as a replay of the seed ran them"), schedule);
        assertTrue(schedule.contains(", suspended at dev.heddle.sim.FailureScheduleTest."), schedule);
        assertFalse(schedule.contains("not determined by its seed"), schedule);
    }

    @Test
    void aDeadlockShowsWhichTaskRanWhereItSuspendedAndWhomItWoke() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3)
                .strategy(Strategy.FIFO).run(sim -> {
                    Mutex<Integer> a = new Mutex<>(0);
                    Mutex<Integer> b = new Mutex<>(0);
                    var x = sim.spawn("x", () -> transfer(a, b));
                    var y = sim.spawn("y", () -> transfer(b, a));
                    x.join();
                    y.join();
                }));
        assertEquals(FailureKind.DEADLOCK, f.kind());
        List<Matcher> steps = steps(f);
        assertSitesNoted(f);
        String schedule = schedule(f);
        assertTrue(schedule.contains("  #1 main#1  ran, suspended at dev.heddle.sim.FailureScheduleTest.lambda$"
                + "aDeadlockShowsWhichTaskRanWhereItSuspendedAndWhomItWoke$"), schedule);
        assertTrue(schedule.contains("[join of x#2]\n       spawned x#2\n       woke x#2\n       spawned y#3\n"
                + "       woke y#3\n"), schedule);
        assertTrue(schedule.contains("  #2 x#2  ran, suspended at dev.heddle.sim.FailureScheduleTest.transfer("
                + "FailureScheduleTest.java:"), schedule);
        assertTrue(steps.get(1).group(3).endsWith("[yield]"), schedule);
        assertTrue(steps.getLast().group(3).endsWith("[mutex lock]"), schedule);
        assertEquals("y#3", steps.getLast().group(2));
    }

    private static void transfer(Mutex<Integer> from, Mutex<Integer> to) {
        try (MutexGuard<Integer> source = from.lock()) {
            Heddle.yieldNow();
            try (MutexGuard<Integer> target = to.lock()) {
                target.set(source.get());
            }
        }
    }

    @Test
    void aFailedTaskEndsTheScheduleWithItsEnd() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(5).run(sim -> {
            var worker = sim.spawn("worker", () -> {
                Heddle.yieldNow();
                throw new AssertionError("boom");
            });
            Heddle.sleep(Duration.ofMillis(3));
            worker.join();
        }));
        assertEquals(FailureKind.TASK_FAILED, f.kind());
        steps(f);
        assertSitesNoted(f);
        assertTrue(schedule(f).contains("       worker#2 ended FAILED\n"), schedule(f));
        assertEquals("worker#2", f.failingTask().orElseThrow());
        assertEquals(List.of(), f.blockedTasks());
        assertTrue(f.waitForGraph().isEmpty());
    }

    @Test
    void theMainTasksFailureNamesTheMainTask() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(5).run(sim -> {
            Heddle.sleep(Duration.ofMillis(7));
            sim.random().nextInt();
            throw new IllegalStateException("main says no");
        }));
        assertEquals(FailureKind.TASK_FAILED, f.kind());
        assertEquals("main#1", f.failingTask().orElseThrow());
        assertEquals(Duration.ofMillis(7).toNanos(), f.virtualNanos());
        assertTrue(f.steps() >= 2, "steps " + f.steps());
        // Moving time is shown before the wake-up of the timer it fired, not under the step before.
        assertTrue(schedule(f).contains("[sleep]\n  time -> 7 ms (1 timers)\n       woke main#1\n  #2 main#1  ran,"
                + " and ended\n       random "), schedule(f));
        assertTrue(schedule(f).contains("\n       main#1 ended FAILED\n"), schedule(f));
        assertSitesNoted(f);
    }

    @Test
    void aBusyLoopNamesItsTaskAndShowsItsLastSteps() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(2).maxSteps(200)
                .run(sim -> sim.spawn("spinner", () -> {
                    while (true) {
                        Heddle.yieldNow();
                    }
                }).join()));
        assertEquals(FailureKind.STEP_BUDGET_EXCEEDED, f.kind());
        assertEquals("spinner#2", f.failingTask().orElseThrow());
        assertEquals(200, f.steps());
        List<Matcher> steps = steps(f);
        assertEquals(ScheduleReport.STEPS, steps.size());
        assertSitesNoted(f);
        assertTrue(steps.getLast().group(3).startsWith(", suspended at dev.heddle.sim.FailureScheduleTest.lambda$"),
                schedule(f));
    }

    @Test
    void theTimeBudgetLeakedTasksAndAHeldLockEachEndWithTheSchedule() {
        SimulationFailure time = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .maxTime(Duration.ofSeconds(1)).run(sim -> {
                    while (true) {
                        Heddle.sleep(Duration.ofMillis(300));
                    }
                }));
        assertEquals(FailureKind.TIME_BUDGET_EXCEEDED, time.kind());
        steps(time);
        assertSitesNoted(time);

        var never = Oneshot.<Integer>channel();
        SimulationFailure leaked = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .failOnLeakedTasks(true).run(sim -> {
                    sim.spawn("waiter", () -> never.receiver().recv());
                }));
        assertEquals(FailureKind.LEAKED_TASKS, leaked.kind());
        steps(leaked);
        assertSitesNoted(leaked);

        Object monitor = new Object();
        SimulationFailure held = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            synchronized (monitor) {
                Heddle.yieldNow();
            }
        }));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, held.kind());
        assertEquals("main#1", held.failingTask().orElseThrow());
        steps(held);
    }

    @Test
    void aWaitOnAThreadOutsideTheSimulationEndsWithTheSchedule() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
                Heddle.yieldNow();
                pool.submit(() -> {
                    release.await();
                    return null;
                }).get();
            }));
            assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind(), f.getMessage());
            assertEquals("main#1", f.failingTask().orElseThrow());
            steps(f);
            assertSitesNoted(f);
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStuckStepShowsTheRecordedStepsWithoutAReplay() {
        AtomicBoolean released = new AtomicBoolean();   // lets the abandoned loop end once the test has its answer
        try {
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(7)
                    .stuckAfter(Duration.ofMillis(200)).run(sim -> {
                        Heddle.yieldNow();
                        while (!released.get()) {
                            Thread.onSpinWait();
                        }
                    }));
            assertEquals(FailureKind.STUCK, f.kind());
            assertEquals("main#1", f.failingTask().orElseThrow());
            steps(f);
            assertTrue(schedule(f).contains("without where each task suspended: a stuck step is not replayed"),
                    schedule(f));
        } finally {
            released.set(true);
        }
    }

    @Test
    void aReplayThatGoesOtherwiseIsReportedAsNondeterminism() {
        AtomicInteger runs = new AtomicInteger();
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(4).run(sim -> {
            // State kept between runs: the replay takes one more step before it fails.
            int extraSteps = runs.getAndIncrement();
            for (int i = 0; i <= extraSteps; i++) {
                Heddle.yieldNow();
            }
            throw new AssertionError("fails every time, one step later each time");
        }));
        assertEquals(2, runs.get(), "the failed run and its replay");
        String schedule = schedule(f);
        assertTrue(schedule.contains("A replay of this seed failed with TASK_FAILED, trace hash "), schedule);
        assertTrue(schedule.contains("where this run failed with trace hash " + Long.toHexString(f.traceHash())
                + ": the run is not determined by its seed alone."), schedule);
        assertFalse(schedule.contains("suspended at"), schedule);
        steps(f);
    }

    @Test
    void aDeterminismCheckOfAFailingSeedShowsTheScheduleOfItsSecondRun() {
        AtomicInteger runs = new AtomicInteger();
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(6).checkDeterminism(sim -> {
            runs.incrementAndGet();
            Heddle.yieldNow();
            throw new AssertionError("always");
        }));
        assertEquals(2, runs.get(), "the check's two runs, and no replay");
        assertEquals(FailureKind.TASK_FAILED, f.kind());
        steps(f);
        assertSitesNoted(f);
    }
}
