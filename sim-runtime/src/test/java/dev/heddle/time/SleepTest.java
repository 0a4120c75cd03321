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

    // Tokio's `reset_future_sleep_after_fire` in tokio/tests/time_sleep.rs.
    @ParameterizedTest
    @MethodSource("runtimes")
    void resetFutureSleepAfterFire(RuntimeBuilder builder) {
        everywhere(builder, SleepTest::resetFutureSleepAfterFire);
    }

    @Test
    void resetFutureSleepAfterFireInSimulation() {
        simulated(SleepTest::resetFutureSleepAfterFire);
    }

    // Tokio's `reset_after_firing` in tokio/tests/time_sleep.rs.
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

    // Tokio's `immediate_sleep` in tokio/tests/time_sleep.rs. Tokio's is_elapsed says whether the
    // timer has fired, false for a sleep until now not yet polled; Heddle's reads the clock.
    @Test
    void immediateSleep() {
        simulated(() -> {
            Clock clock = Heddle.clock();
            long now = clock.now();
            Sleep sleep = clock.newSleepUntil(now);
            assertTrue(sleep.isElapsed(), "a sleep until now has elapsed by the clock");
            sleep.await();
            assertEquals(now, clock.now(), "a sleep until now takes no virtual time");
        });
    }

    // Tokio's `is_elapsed` in tokio/tests/time_sleep.rs.
    @Test
    void isElapsed() {
        simulated(() -> {
            Sleep sleep = Heddle.clock().newSleep(Duration.ofMillis(10));
            assertFalse(sleep.isElapsed());
            sleep.await();
            assertTrue(sleep.isElapsed());
        });
    }

    // Tokio's `delayed_sleep_level_0` in tokio/tests/time_sleep.rs.
    @Test
    void delayedSleepLevel0() {
        simulated(() -> {
            Clock clock = Heddle.clock();
            for (int i : new int[] {1, 10, 60}) {
                long now = clock.now();
                clock.newSleepUntil(now + i * MS).await();
                assertEquals(now + i * MS, clock.now());
            }
        });
    }

    // Tokio's `reset_future_sleep_before_fire` in tokio/tests/time_sleep.rs: the sleep, first
    // awaited by a task that is then aborted, is moved later and awaited again.
    @Test
    void resetFutureSleepBeforeFire() {
        simulated(() -> {
            Clock clock = Heddle.clock();
            long now = clock.now();
            Sleep sleep = clock.newSleepUntil(now + 100 * MS);
            JoinHandle<Void> poller = Heddle.spawn(sleep::await);
            Heddle.yieldNow();
            poller.abort();
            assertTrue(assertThrows(JoinException.class, poller::join).isCancelled());
            sleep.reset(clock.now() + 200 * MS);
            sleep.await();
            assertEquals(now + 200 * MS, clock.now());
        });
    }

    // Tokio's `reset_past_sleep_before_turn` and `reset_past_sleep_before_fire` in
    // tokio/tests/time_sleep.rs: moved earlier, the sleep ends at the earlier deadline.
    @Test
    void resetPastSleepBeforeFire() {
        simulated(() -> {
            Clock clock = Heddle.clock();
            long now = clock.now();
            Sleep sleep = clock.newSleepUntil(now + 100 * MS);
            clock.sleep(Duration.ofMillis(10));
            sleep.reset(now + 80 * MS);
            sleep.await();
            assertEquals(now + 80 * MS, clock.now());
        });
    }

    // Tokio's `reset_sleep_to_past` in tokio/tests/time_sleep.rs.
    @Test
    void resetSleepToPast() {
        simulated(() -> {
            Clock clock = Heddle.clock();
            long now = clock.now();
            Sleep sleep = clock.newSleepUntil(now + 100 * MS);
            clock.sleep(Duration.ofMillis(50));
            assertFalse(sleep.isElapsed());
            sleep.reset(now + 40 * MS);
            assertTrue(sleep.isElapsed());
            sleep.await();
            assertEquals(now + 50 * MS, clock.now(), "a sleep reset to the past ends at once");
        });
    }

    // Tokio's `multi_long_sleeps` and `long_sleeps` in tokio/tests/time_sleep.rs.
    @Test
    void longSleeps() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation.ofSeed(seed).maxTime(Duration.ofDays(366 * 16)).run(sim -> {
                Clock clock = Heddle.clock();
                for (int i = 0; i < 5; i++) {
                    clock.newSleep(Duration.ofDays(365)).await();
                }
                long deadline = clock.deadlineAfter(Duration.ofDays(3650));
                clock.newSleepUntil(deadline).await();
                assertTrue(clock.now() >= deadline);
                assertTrue(clock.now() <= deadline + MS);
            });
        }
    }

    // Tokio's `exactly_max` and `issue_5183` in tokio/tests/time_sleep.rs: a sleep of
    // Duration.MAX never ends, and a select picks the short sleep beside it.
    @ParameterizedTest
    @MethodSource("runtimes")
    void issue5183(RuntimeBuilder builder) {
        everywhere(builder, () -> {
            Clock clock = Heddle.clock();
            Sleep forever = clock.newSleep(Duration.ofSeconds(Long.MAX_VALUE));
            assertEquals(Long.MAX_VALUE, forever.deadline(), "saturates instead of overflowing");
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
