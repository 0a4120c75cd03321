package dev.heddle.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Clock#timeoutAt(long, java.util.concurrent.Callable)} on both real runtimes and in
 * simulation. Tokio's own tests of it ({@code time_timeout.rs}, and its misuse in
 * {@code time_panic.rs}) are translated in the conformance module.
 */
@Timeout(120)
class TimeoutAtTest {
    private static final long MS = 1_000_000;
    private static final int SEEDS = 40;

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    private static void onBoth(RuntimeBuilder builder, Runnable body) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                body.run();
                return null;
            });
        }
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> body.run());
        }
    }

    /** A deadline already passed fails the body at its first suspension point, not before it runs. */
    @ParameterizedTest
    @MethodSource("runtimes")
    void aPassedDeadlineFailsTheBodyAtItsFirstSuspensionPoint(RuntimeBuilder builder) {
        onBoth(builder, () -> {
            int[] ran = {0};
            Elapsed e = assertThrows(Elapsed.class, () -> Heddle.clock().timeoutAt(Heddle.now(), () -> {
                ran[0]++;
                Heddle.yieldNow();
                ran[0]++;
            }));
            assertEquals(1, ran[0], "ran up to its first suspension point");
            assertEquals(Duration.ZERO, e.limit());
        });
    }

    /** A body that waits past the deadline fails with Elapsed once the deadline has passed, not before. */
    @ParameterizedTest
    @MethodSource("runtimes")
    void aDeadlineThatPassesWhileTheBodyWaitsFailsIt(RuntimeBuilder builder) {
        onBoth(builder, () -> {
            Clock clock = Heddle.clock();
            long deadline = clock.now() + 3 * MS;
            var never = Oneshot.<String>channel();
            Elapsed e = assertThrows(Elapsed.class, () -> clock.timeoutAt(deadline, () -> never.receiver().recv()));
            assertTrue(clock.now() >= deadline, "elapsed at " + clock.now() + ", before " + deadline);
            assertTrue(e.limit().toNanos() <= 3 * MS, "limit " + e.limit());
            never.sender().send("kept open until here");
        });
    }

    /** The body's value comes back when it finishes first, and the timer leaves nothing behind. */
    @ParameterizedTest
    @MethodSource("runtimes")
    void aBodyThatFinishesBeforeTheDeadlineReturnsItsValue(RuntimeBuilder builder) {
        onBoth(builder, () -> {
            Clock clock = Heddle.clock();
            var ch = Oneshot.<String>channel();
            Heddle.spawn(() -> ch.sender().send("reply"));
            assertEquals("reply", clock.timeoutAt(clock.deadlineAfter(Duration.ofHours(1)),
                    () -> ch.receiver().recv()));
            clock.sleep(Duration.ofMillis(1));   // the cancelled timer does not fail this later suspension
        });
    }

    /** Nested: the outer deadline passing first is reported by the outer call, not the inner. */
    @Test
    void theEarlierOfTwoNestedDeadlinesWins() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Clock clock = Heddle.clock();
                long start = clock.now();
                Elapsed outer = assertThrows(Elapsed.class, () -> clock.timeoutAt(start + 10 * MS, () ->
                        clock.timeoutAt(start + 50 * MS, () -> {
                            clock.sleep(Duration.ofSeconds(1));
                            return null;
                        })));
                assertEquals(Duration.ofMillis(10), outer.limit());
                assertEquals(start + 10 * MS, clock.now());
            });
        }
    }
}
