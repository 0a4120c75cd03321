package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.time.Sleep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SimTime}: Tokio's {@code advance} and a pausable auto-advance, over many seeds. Tokio's
 * own tests of paused time ({@code time_pause.rs}, {@code time_interval.rs}, {@code time_sleep.rs},
 * {@code time_timeout.rs}) are translated in the conformance module; these test what Heddle adds.
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
