package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.time.Clock;
import dev.heddle.time.Elapsed;
import dev.heddle.time.Sleep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SimTime}: Tokio's {@code advance} and a pausable auto-advance, over many seeds. Tokio's
 * own tests of paused time ({@code time_pause.rs}, {@code time_interval.rs},
 * {@code time_sleep.rs}) are translated in the conformance module; the ports here are the
 * {@code advance}-driven tests of {@code time_timeout.rs}. Where Tokio polls a future by hand and
 * asserts it is pending, the test spawns a task that waits and asserts it has not finished.
 */
@Timeout(120)
class SimTimeTest {
    private static final long MS = 1_000_000;
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

    // Tokio's `future_and_deadline_in_future` and `future_and_timeout_in_future` in
    // tokio/tests/time_timeout.rs.
    @Test
    void futureAndDeadlineInFuture() {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            Clock clock = sim.clock();
            var ch = Oneshot.<String>channel();
            long deadline = clock.now() + 100 * MS;
            JoinHandle<String> fut = sim.spawn(() -> clock.timeoutAt(deadline, () -> ch.receiver().recv()));
            settle();
            sim.time().advance(Duration.ofMillis(90));
            settle();
            assertFalse(fut.isFinished());
            ch.sender().send("value");
            assertEquals("value", fut.join());
        });
    }

    // Tokio's `very_large_timeout` in tokio/tests/time_timeout.rs.
    @Test
    void veryLargeTimeout() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation.ofSeed(seed).maxTime(Duration.ofDays(3660)).run(sim -> {
                var ch = Oneshot.<String>channel();
                JoinHandle<String> fut = sim.spawn(() -> sim.clock().timeout(Duration.ofSeconds(Long.MAX_VALUE),
                        () -> ch.receiver().recv()));
                settle();
                sim.time().advance(Duration.ofDays(3650));
                settle();
                assertFalse(fut.isFinished());
                ch.sender().send("value");
                assertEquals("value", fut.join());
            });
        }
    }

    // Tokio's `deadline_now_elapses` and `deadline_future_elapses` in tokio/tests/time_timeout.rs.
    @Test
    void deadlineFutureElapses() {
        simulated(sim -> {
            sim.time().pauseAutoAdvance();
            Clock clock = sim.clock();
            var never = Oneshot.<String>channel();
            long deadline = clock.now() + 300 * MS;
            JoinHandle<String> fut = sim.spawn(() -> clock.timeoutAt(deadline, () -> never.receiver().recv()));
            settle();
            sim.time().advance(Duration.ofMillis(301));
            var e = assertThrows(dev.heddle.runtime.JoinException.class, fut::join);
            assertTrue(e.getCause() instanceof Elapsed, "cause: " + e.getCause());
            never.sender().send("kept open until here");
        });
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
