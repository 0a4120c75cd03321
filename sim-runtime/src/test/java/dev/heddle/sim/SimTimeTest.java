package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.time.Interval;
import dev.heddle.time.MissedTickBehavior;
import dev.heddle.time.Sleep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SimTime}: Tokio's {@code advance} and a pausable auto-advance, over many seeds. Most
 * tests port {@code tokio/tests/time_pause.rs} and the {@code advance}-driven tests of
 * {@code time_interval.rs}, which run with Tokio's paused clock: the simulation's clock always
 * is one ({@code time_timeout.rs} is translated in the conformance module). Where Tokio polls a
 * future by hand and asserts it is pending, the test spawns a task that waits and asserts it has
 * not finished.
 */
@Timeout(120)
class SimTimeTest {
    private static final long MS = 1_000_000;
    private static final long US = 1_000;
    private static final int SEEDS = 40;

    private static void simulated(Consumer<Sim> body) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation.ofSeed(seed).run(body::accept);
        }
    }

    /** Lets every task woken by an advance run, whatever order the seed picks (the body keeps yielding). */
    private static void settle() {
        for (int i = 0; i < 20; i++) {
            Heddle.yieldNow();
        }
    }

    // Tokio's `exact_1ms_advance`, `test_time_advance_sub_ms` and `test_time_advance_3ms_and_change`
    // in tokio/tests/time_pause.rs: an advance moves the clock by exactly its duration.
    @Test
    void exact1msAdvance() {
        simulated(sim -> {
            for (Duration d : List.of(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofNanos(51_592 * US),
                    Duration.ofNanos(1 * US), Duration.ofNanos(3_141_592 * US), Duration.ofNanos(3_123_456 * US))) {
                long before = sim.now();
                sim.time().advance(d);
                assertEquals(before + d.toNanos(), sim.now(), "advance by " + d);
            }
        });
    }

    // Tokio's `advance_after_poll` and `regression_3710_with_submillis_advance` in
    // tokio/tests/time_pause.rs.
    @Test
    void advanceAfterPoll() {
        simulated(sim -> {
            sim.sleep(Duration.ofMillis(1));
            long start = sim.now();
            JoinHandle<Void> sleep = sim.spawn(() -> sim.clock().sleepUntil(start + 300 * MS));
            Heddle.yieldNow();
            long before = sim.now();
            sim.time().advance(Duration.ofMillis(100));
            assertEquals(before + 100 * MS, sim.now());
            sim.time().advance(Duration.ofNanos(51_592 * US));
            settle();
            assertFalse(sleep.isFinished(), "a sleep until 300 ms is pending at 152 ms");
            sleep.abort();
        });
    }

    // Tokio's `advance_once_with_timer` in tokio/tests/time_pause.rs.
    @Test
    void advanceOnceWithTimer() {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            JoinHandle<Void> sleep = sim.spawn(() -> sim.sleep(Duration.ofMillis(1)));
            settle();
            sim.time().advance(Duration.ofNanos(250 * US));
            settle();
            assertFalse(sleep.isFinished());
            sim.time().advance(Duration.ofNanos(1500 * US));
            sleep.join();           // would be reported as a deadlock, auto-advance paused, if the timer had not fired
            assertEquals(1750 * US, sim.now());
        });
    }

    // Tokio's `advance_multi_with_timer` in tokio/tests/time_pause.rs.
    @Test
    void advanceMultiWithTimer() {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            JoinHandle<Void> sleep = sim.spawn(() -> sim.sleep(Duration.ofMillis(1)));
            settle();
            for (int i = 0; i < 3; i++) {
                sim.time().advance(Duration.ofNanos(250 * US));
                settle();
                assertFalse(sleep.isFinished(), "pending at " + sim.now());
            }
            sim.time().advance(Duration.ofNanos(250 * US));
            sleep.join();
        });
    }

    // Tokio's `sleep_same_task` in tokio/tests/time_pause.rs: a task advances past its own sleep.
    @Test
    void sleepSameTask() {
        simulated(sim -> {
            long start = sim.now();
            sim.time().advance(Duration.ofMillis(1));
            Sleep sleep = sim.clock().newSleepUntil(start + 300 * MS);
            assertFalse(sleep.isElapsed());
            long before = sim.now();
            sim.time().advance(Duration.ofMillis(100));
            assertEquals(before + 100 * MS, sim.now());
            assertFalse(sleep.isElapsed());
            sim.time().advance(Duration.ofMillis(200));
            assertTrue(sleep.isElapsed());
            sleep.await();
            assertEquals(start + 301 * MS, sim.now(), "the elapsed sleep takes no more time");
        });
    }

    // Tokio's `paused_time_is_deterministic` in tokio/tests/time_pause.rs.
    @Test
    void pausedTimeIsDeterministic() {
        SimBody stress = sim -> {
            SplittableRandom random = new SplittableRandom(1);
            long start = sim.now();
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                sim.sleep(Duration.ofNanos(random.nextLong(1_000_000_000L)));
                times.add(sim.now() - start);
            }
            sim.always("ten thousand sleeps add up", times.getLast() > 0);
        };
        assertEquals(Simulation.ofSeed(3).run(stress).traceHash(), Simulation.ofSeed(3).run(stress).traceHash());
        Simulation.ofSeed(4).checkDeterminism(stress);
    }

    // Tokio's `interval` in tokio/tests/time_pause.rs (with BURST, its default).
    @Test
    void interval() {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            long start = sim.now();
            sim.time().advance(Duration.ofMillis(1));
            Interval i = new Interval(sim.clock(), start, Duration.ofMillis(300),
                    MissedTickBehavior.BURST);
            assertEquals(start, i.tick());
            JoinHandle<Long> next = sim.spawn(i::tick);
            sim.time().advance(Duration.ofMillis(100));
            settle();
            assertFalse(next.isFinished());
            sim.time().advance(Duration.ofMillis(200));
            assertEquals(start + 300 * MS, next.join());
            sim.time().advance(Duration.ofMillis(400));
            assertEquals(start + 600 * MS, i.tick());
            sim.time().advance(Duration.ofMillis(500));
            assertEquals(start + 900 * MS, i.tick());
            assertEquals(start + 1200 * MS, i.tick(), "a missed tick comes at once in a burst");
            assertEquals(1201 * MS, sim.now(), "neither tick waited");
        });
    }

    /**
     * Tokio's {@code check_interval_poll!}: the interval yields each expected tick (ms after
     * {@code start}) at once, without time moving, and then is pending.
     */
    private static void checkIntervalPoll(Interval i, long start, long... expectedMs) {
        long now = Heddle.now();
        for (long ms : expectedMs) {
            assertEquals(start + ms * MS, i.tick(), "tick at " + now / MS + " ms");
            assertEquals(now, Heddle.now(), "a due tick takes no time");
        }
        assertTrue(i.nextTick() > now, "pending at " + now / MS + " ms, next tick at " + i.nextTick() / MS);
    }

    /** Tokio's missed-tick tests: a 300 ms interval whose caller is 650 ms late once. */
    private static void missedTicks(MissedTickBehavior behavior, long[][] afterLate) {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            long start = sim.now();
            sim.time().advance(Duration.ofMillis(1));
            Interval i = new Interval(sim.clock(), start, Duration.ofMillis(300), behavior);
            checkIntervalPoll(i, start, 0);
            sim.time().advance(Duration.ofMillis(100));
            checkIntervalPoll(i, start);
            sim.time().advance(Duration.ofMillis(200));
            checkIntervalPoll(i, start, 300);
            for (long[] step : afterLate) {
                sim.time().advance(Duration.ofMillis(step[0]));
                checkIntervalPoll(i, start, java.util.Arrays.copyOfRange(step, 1, step.length));
            }
        });
    }

    // Tokio's `burst` in tokio/tests/time_interval.rs.
    @Test
    void burst() {
        missedTicks(MissedTickBehavior.BURST, new long[][] {{650, 600, 900}, {200}, {100, 1200}, {250, 1500},
            {300, 1800}});
    }

    // Tokio's `delay` in tokio/tests/time_interval.rs.
    @Test
    void delay() {
        missedTicks(MissedTickBehavior.DELAY, new long[][] {{650, 600}, {100}, {201, 1251}, {300, 1551},
            {300, 1851}});
    }

    // Tokio's `skip` in tokio/tests/time_interval.rs.
    @Test
    void skip() {
        missedTicks(MissedTickBehavior.SKIP, new long[][] {{650, 600}, {250, 1200}, {300, 1500}, {300, 1800}});
    }

    /** Tokio's interval reset tests step time by advance; each of these does one reset at 401 ms. */
    private static void intervalReset(Consumer<Interval> reset, long expectedNextMs, long afterThatMs) {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            long start = sim.now();
            sim.time().advance(Duration.ofMillis(1));
            Interval i = new Interval(sim.clock(), start, Duration.ofMillis(300),
                    MissedTickBehavior.BURST);
            assertEquals(start, i.tick());
            sim.time().advance(Duration.ofMillis(300));
            assertEquals(start + 300 * MS, i.tick());
            sim.time().advance(Duration.ofMillis(100));
            reset.accept(i);
            JoinHandle<Long> next = sim.spawn(i::tick);
            sim.time().advance(Duration.ofNanos((expectedNextMs - 401) * MS - 1));
            settle();
            assertFalse(next.isFinished(), "no tick before " + expectedNextMs + " ms");
            sim.time().advance(Duration.ofNanos(1));
            assertEquals(start + expectedNextMs * MS, next.join());
            sim.time().advance(Duration.ofMillis(afterThatMs - expectedNextMs));
            assertEquals(start + afterThatMs * MS, i.tick());
        });
    }

    // Tokio's `reset` in tokio/tests/time_interval.rs.
    @Test
    void reset() {
        intervalReset(Interval::reset, 701, 1001);
    }

    // Tokio's `reset_immediately` in tokio/tests/time_interval.rs (with its 1 ms offset).
    @Test
    void resetImmediately() {
        simulated(sim -> {
            long start = sim.now();
            sim.time().advance(Duration.ofMillis(401));
            Interval i = new Interval(sim.clock(), start, Duration.ofMillis(300),
                    MissedTickBehavior.BURST);
            i.resetImmediately();
            assertEquals(start + 401 * MS, i.tick(), "at once");
            assertEquals(start + 401 * MS, sim.now());
            sim.time().advance(Duration.ofMillis(300));
            assertEquals(start + 701 * MS, i.tick());
        });
    }

    // Tokio's `reset_after` in tokio/tests/time_interval.rs.
    @Test
    void resetAfter() {
        intervalReset(i -> i.resetAfter(Duration.ofMillis(20)), 421, 721);
    }

    // Tokio's `reset_at` in tokio/tests/time_interval.rs.
    @Test
    void resetAt() {
        intervalReset(i -> i.resetAt(Heddle.now() + 40 * MS), 441, 741);
    }

    // Tokio's `reset_at_bigger_than_interval` in tokio/tests/time_interval.rs.
    @Test
    void resetAtBiggerThanInterval() {
        intervalReset(i -> i.resetAt(Heddle.now() + 1000 * MS), 1401, 1701);
    }

    /** Timers passed by one advance fire in deadline order, each task seeing the advanced time. */
    @Test
    void anAdvanceFiresTheTimersItPassesInDeadlineOrder() {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            List<String> woke = new ArrayList<>();
            Sleep late = sim.clock().newSleep(Duration.ofMillis(30));
            Sleep early = sim.clock().newSleep(Duration.ofMillis(10));
            var a = sim.spawn(() -> {
                late.await();
                woke.add("late at " + sim.now() / MS);
            });
            var b = sim.spawn(() -> {
                early.await();
                woke.add("early at " + sim.now() / MS);
            });
            settle();
            sim.time().advance(Duration.ofMillis(50));
            a.join();
            b.join();
            assertEquals(2, woke.size());
            assertTrue(woke.containsAll(List.of("late at 50", "early at 50")), woke.toString());
        });
    }

    /** Auto-advance is the default, and after a resume it jumps to timers again. */
    @Test
    void pauseAndResumeAutoAdvance() {
        simulated(sim -> {
            SimTime time = sim.time();
            assertFalse(time.isAutoAdvancePaused());
            sim.sleep(Duration.ofSeconds(5));
            assertEquals(5_000 * MS, sim.now());
            time.pauseAutoAdvance();
            assertTrue(time.isAutoAdvancePaused());
            assertEquals("auto-advance is already paused; resume it before pausing again",
                    assertThrows(IllegalStateException.class, time::pauseAutoAdvance).getMessage());
            time.resumeAutoAdvance();
            assertThrows(IllegalStateException.class, time::resumeAutoAdvance);
            sim.sleep(Duration.ofSeconds(5));
            assertEquals(10_000 * MS, sim.now());
        });
    }

    /** With auto-advance paused, every task waiting on a timer is a deadlock, reported as such. */
    @Test
    void withAutoAdvancePausedATaskWaitingOnlyForTimeIsADeadlock() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(9).run(sim -> {
            sim.time().pauseAutoAdvance();
            sim.sleep(Duration.ofSeconds(1));
        }));
        assertEquals(FailureKind.DEADLOCK, f.kind());
        assertTrue(f.getMessage().contains("timers are pending, the next at 1000 ms, but auto-advance is paused"),
                f.getMessage());
    }

    @Test
    void argumentsAndPlacesThatCannotWorkFailClearly() {
        simulated(sim -> {
            var negative = assertThrows(IllegalArgumentException.class,
                    () -> sim.time().advance(Duration.ofMillis(-1)));
            assertTrue(negative.getMessage().contains("must not be negative, was PT-0.001S"), negative.getMessage());
            var budget = assertThrows(IllegalArgumentException.class,
                    () -> sim.time().advance(Duration.ofDays(2)));
            assertTrue(budget.getMessage().contains("time budget, maxTime = 86400000 ms"), budget.getMessage());
            assertEquals(0, sim.now(), "a refused advance moves nothing");
            assertTrue(SimTime.current() == sim.time());
        });
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            IllegalStateException e = rt.blockOn(() -> assertThrows(IllegalStateException.class, SimTime::current));
            assertTrue(e.getMessage().contains("a task of a real runtime, whose time is real and can be neither"
                    + " paused nor advanced"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, SimTime::current);
    }

    /** Hosts' clocks: an offset host keeps its offset, a drifting host moves by the advance scaled by its drift. */
    @Test
    void anAdvanceMovesEachHostsClockByItsOwnRate() {
        simulated(sim -> {
            long[] seen = new long[2];
            var ch = Oneshot.<Boolean>channel();
            sim.host("fast", new HostClock(Duration.ofSeconds(7), 100), host -> {
                seen[0] = Heddle.now();
                ch.receiver().recv();
                seen[1] = Heddle.now();
            });
            settle();
            sim.time().advance(Duration.ofSeconds(10));
            ch.sender().send(true);
            settle();
            assertEquals(10_000 * MS + 10_000 * MS / 10_000, seen[1] - seen[0], "10 s at +100 ppm");
        });
    }
}
