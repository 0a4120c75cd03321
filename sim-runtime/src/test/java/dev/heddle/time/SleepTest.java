package dev.heddle.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Sleep}, the sleep as an object, on both real runtimes and in simulation. On a real
 * runtime the sleeps are a few milliseconds and the assertions only compare clock readings with
 * deadlines, never with elapsed real time; the timeout only turns a hang into a failure.
 */
@Timeout(120)
class SleepTest {
    private static final long MS = 1_000_000;
    private static final int SEEDS = 40;
    private static final long THIRTY_YEARS = Duration.ofDays(30 * 365).toNanos();

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    /** The body on a real runtime of each flavour, then inside the simulator over many seeds. */
    private static void everywhere(RuntimeBuilder builder, Runnable body) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                body.run();
                return null;
            });
        }
    }

    private static void simulated(Runnable body) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> body.run());
        }
    }

    /** Creating a sleep waits for nothing; awaiting it returns once the clock reads its deadline. */
    private static void awaitWaitsForTheDeadline() {
        Clock clock = Heddle.clock();
        long start = clock.now();
        Sleep sleep = clock.newSleep(Duration.ofMillis(3));
        assertTrue(sleep.deadline() >= start + 3 * MS, "deadline " + sleep.deadline() + " after start " + start);
        sleep.await();
        assertTrue(clock.now() >= sleep.deadline(), "awaited past its deadline");
        assertTrue(sleep.isElapsed());
        sleep.await();                       // an elapsed sleep returns at once, again and again
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void awaitWaitsForTheDeadlineOnARealRuntime(RuntimeBuilder builder) {
        everywhere(builder, SleepTest::awaitWaitsForTheDeadline);
    }

    @Test
    void awaitWaitsForTheDeadlineInSimulation() {
        simulated(SleepTest::awaitWaitsForTheDeadline);
    }

    /**
     * Tokio's {@code is_elapsed}: a sleep counts as elapsed once it was started (awaited or reset,
     * where Tokio's gets its timer) and its deadline has passed, not merely when the clock passed it.
     */
    private static void elapsedOnlyOnceAwaitedOrReset() {
        Clock clock = Heddle.clock();
        Sleep past = clock.newSleepUntil(clock.now() - MS);
        assertFalse(past.isElapsed(), "never awaited: not elapsed, though its deadline has passed");
        assertTrue(past.toString().endsWith(" ns]"), past.toString());
        past.await();
        assertTrue(past.isElapsed());
        assertTrue(past.toString().endsWith(", elapsed]"), past.toString());
        Sleep moved = clock.newSleepUntil(clock.now() - MS);
        moved.reset(clock.now() - 2 * MS);
        assertTrue(moved.isElapsed(), "a reset starts the sleep");
        moved.reset(clock.deadlineAfter(Duration.ofSeconds(600)));
        assertFalse(moved.isElapsed(), "reset to the future: pending again");
        Sleep later = clock.newSleep(Duration.ofMillis(2));
        later.reset(later.deadline());
        assertFalse(later.isElapsed());
        later.await();
        assertTrue(later.isElapsed());
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aSleepIsElapsedOnlyOnceAwaitedOrResetOnARealRuntime(RuntimeBuilder builder) {
        everywhere(builder, SleepTest::elapsedOnlyOnceAwaitedOrReset);
    }

    @Test
    void aSleepIsElapsedOnlyOnceAwaitedOrResetInSimulation() {
        simulated(SleepTest::elapsedOnlyOnceAwaitedOrReset);
    }

    /** A sleep offered to a select that another branch wins is started: it elapses at its deadline all the same. */
    @Test
    void aSleepThatLosesASelectIsElapsedOnceItsDeadlinePasses() {
        simulated(() -> {
            Sleep sleep = Heddle.clock().newSleep(Duration.ofMillis(10));
            String won = Select.<String>select().biased().sleep(sleep, () -> "sleep")
                    .sleep(Duration.ZERO, () -> "now").run();
            assertEquals("now", won);
            assertFalse(sleep.isElapsed(), "not before its deadline");
            Heddle.sleep(Duration.ofMillis(10));
            assertTrue(sleep.isElapsed(), "started by the select, so elapsed once its deadline passed");
        });
    }

    /** Tokio's far future: a sleep whose deadline overflows ends thirty virtual years later, not never. */
    @Test
    void aSleepWhoseDeadlineOverflowsEndsThirtyYearsLaterInSimulation() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation.ofSeed(seed).maxTime(Duration.ofDays(31 * 365)).run(sim -> {
                Clock clock = Heddle.clock();
                clock.sleep(Duration.ofMillis(5));
                Sleep forever = clock.newSleep(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
                assertEquals(5 * MS + THIRTY_YEARS, forever.deadline());
                forever.await();
                assertEquals(5 * MS + THIRTY_YEARS, clock.now());
                assertEquals(5 * MS + 2 * THIRTY_YEARS, clock.deadlineAfter(Duration.ofNanos(Long.MAX_VALUE)));
            });
        }
    }

    /** A sleep reset after it fired is pending again and ends at the new deadline. */
    private static void resetFutureSleepAfterFire() {
        Clock clock = Heddle.clock();
        long now = clock.now();
        Sleep sleep = clock.newSleepUntil(now + 2 * MS);
        sleep.await();
        assertTrue(clock.now() >= now + 2 * MS);
        sleep.reset(now + 5 * MS);
        assertEquals(now + 5 * MS, sleep.deadline());
        sleep.await();
        assertTrue(clock.now() >= now + 5 * MS);
    }

    // Tokio's `reset_future_sleep_after_fire` (tokio/tests/time_sleep.rs) on the real runtimes; the
    // conformance module's TimeSleepTest runs Tokio's tests of Sleep in simulation.
    @ParameterizedTest
    @MethodSource("runtimes")
    void resetFutureSleepAfterFire(RuntimeBuilder builder) {
        everywhere(builder, SleepTest::resetFutureSleepAfterFire);
    }

    // Tokio's `reset_after_firing` (tokio/tests/time_sleep.rs) on the real runtimes.
    @ParameterizedTest
    @MethodSource("runtimes")
    void resetAfterFiring(RuntimeBuilder builder) {
        everywhere(builder, () -> {
            Clock clock = Heddle.clock();
            Sleep timer = clock.newSleep(Duration.ofMillis(1));
            long deadline = timer.deadline();
            timer.await();
            assertTrue(timer.isElapsed());
            timer.reset(clock.deadlineAfter(Duration.ofSeconds(600)));
            assertNotEquals(deadline, timer.deadline());
            assertFalse(timer.isElapsed());
            assertFalse(timer.isElapsed());
        });
    }

    // Tokio's `exactly_max` and `issue_5183` (tokio/tests/time_sleep.rs) on the real runtimes: a
    // sleep of Duration.MAX ends thirty years from now, and a select picks the short sleep beside it.
    @ParameterizedTest
    @MethodSource("runtimes")
    void issue5183(RuntimeBuilder builder) {
        everywhere(builder, () -> {
            Clock clock = Heddle.clock();
            long now = clock.now();
            Sleep forever = clock.newSleep(Duration.ofSeconds(Long.MAX_VALUE));
            assertTrue(forever.deadline() >= now + THIRTY_YEARS && forever.deadline() <= clock.now() + THIRTY_YEARS,
                    "an overflowing deadline is Tokio's far future, thirty years away: " + forever.deadline());
            String won = Select.<String>select().biased()
                    .sleep(forever, () -> "forever")
                    .sleep(clock.newSleep(Duration.ofNanos(1)), () -> "short")
                    .run();
            assertEquals("short", won);
        });
    }

    /**
     * The idle-timeout loop a Sleep is for: each message pushes the deadline back, so the idle
     * branch wins only once messages stop, a full idle period after the last one.
     */
    @Test
    void aSleepResetInALoopOfSelectsFiresAnIdlePeriodAfterTheLastEvent() {
        simulated(() -> {
            Clock clock = Heddle.clock();
            Duration idle = Duration.ofMillis(50);
            var channel = dev.heddle.channel.oneshot.Oneshot.<Integer>channel();
            JoinHandle<Void> producer = Heddle.spawn(() -> {
                Heddle.sleep(Duration.ofMillis(30));
                channel.sender().send(1);
            });
            Sleep sleep = clock.newSleep(idle);
            List<String> events = new ArrayList<>();
            boolean waiting = true;
            boolean received = false;
            while (waiting) {
                Select<Boolean> select = Select.<Boolean>select();
                if (!received) {
                    select.on(channel.receiver().recvOp(), v -> {
                        events.add("msg at " + clock.now() / MS);
                        sleep.reset(clock.deadlineAfter(idle));
                        return true;
                    });
                }
                waiting = select.sleep(sleep, () -> {
                    events.add("idle at " + clock.now() / MS);
                    return false;
                }).run();
                received = !events.isEmpty();
            }
            producer.join();
            assertEquals(List.of("msg at 30", "idle at 80"), events);
        });
    }
}
