package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CancellationToken#dropGuard()} and {@link CancellationToken#runUntilCancelled}, real and simulated. */
class CancellationTokenTest {
    private static final int SEEDS = 200;

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    private static void overManySeeds(Runnable body) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> body.run());
        }
    }

    @Test
    void dropGuardCancelsOnCloseUnlessDisarmed() {
        CancellationToken token = new CancellationToken();
        try (CancellationGuard guard = token.dropGuard()) {
            assertFalse(token.isCancelled());
        }
        assertTrue(token.isCancelled());

        CancellationToken kept = new CancellationToken();
        CancellationGuard guard = kept.dropGuard();
        assertSame(kept, guard.disarm());
        guard.close();
        assertFalse(kept.isCancelled());
        IllegalStateException twice = assertThrows(IllegalStateException.class, guard::disarm);
        assertTrue(twice.getMessage().contains("already disarmed"), twice.getMessage());
    }

    @Test
    void dropGuardCancelsWhenItsTaskIsAbortedOrFails() {
        overManySeeds(() -> {
            CancellationToken workers = new CancellationToken();
            CancellationToken started = new CancellationToken();
            JoinHandle<Void> owner = Heddle.spawn(() -> {
                try (CancellationGuard stopWorkers = workers.dropGuard()) {
                    started.cancel();
                    Heddle.sleep(Duration.ofHours(1));
                }
            });
            JoinHandle<Void> worker = Heddle.spawn(workers::awaitCancellation);
            started.awaitCancellation();
            assertFalse(workers.isCancelled());
            owner.abort();
            worker.join();
            assertTrue(workers.isCancelled());

            CancellationToken second = new CancellationToken();
            JoinHandle<Void> failing = Heddle.spawn(() -> {
                try (CancellationGuard g = second.dropGuard()) {
                    Heddle.yieldNow();
                    throw new IllegalStateException("boom");
                }
            });
            assertThrows(JoinException.class, failing::join);
            assertTrue(second.isCancelled());
        });
    }

    private static void bodyThatFinishesFirstGivesItsValue() {
        CancellationToken token = new CancellationToken();
        Optional<Integer> v = token.runUntilCancelled(() -> {
            Heddle.yieldNow();
            return 42;
        });
        assertEquals(Optional.of(42), v);
        assertTrue(token.runUntilCancelled(Heddle::yieldNow));
        assertFalse(token.isCancelled());
    }

    private static void cancellationAbortsTheBodyAtItsSuspensionPointButNotTheTask() {
        CancellationToken token = new CancellationToken();
        CancellationToken inBody = new CancellationToken();
        AtomicBoolean cleanedUp = new AtomicBoolean();
        AtomicBoolean ranPastTheWait = new AtomicBoolean();
        JoinHandle<Optional<String>> h = Heddle.spawn(() -> {
            Optional<String> r = token.runUntilCancelled(() -> {
                inBody.cancel();
                try {
                    new CancellationToken().awaitCancellation();
                    ranPastTheWait.set(true);
                    return "finished";
                } finally {
                    cleanedUp.set(true);
                }
            });
            // The task goes on, and may suspend again: only the body was cut short.
            Heddle.yieldNow();
            return r;
        });
        inBody.awaitCancellation();
        token.cancel();
        assertEquals(Optional.empty(), h.join());
        assertFalse(ranPastTheWait.get());
        assertTrue(cleanedUp.get(), "the cancelled body's finally block did not run");
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void runUntilCancelledOnTheRealRuntimes(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                bodyThatFinishesFirstGivesItsValue();
                cancellationAbortsTheBodyAtItsSuspensionPointButNotTheTask();
                return null;
            });
        }
    }

    @Test
    void runUntilCancelledOverManySeeds() {
        overManySeeds(() -> {
            bodyThatFinishesFirstGivesItsValue();
            cancellationAbortsTheBodyAtItsSuspensionPointButNotTheTask();
        });
    }

    @Test
    void aCancelledBodyRunsItsFinallyBlocks() {
        overManySeeds(() -> {
            CancellationToken token = new CancellationToken();
            CancellationToken inBody = new CancellationToken();
            AtomicBoolean cleanedUp = new AtomicBoolean();
            JoinHandle<Optional<String>> h = Heddle.spawn(() -> token.runUntilCancelled(() -> {
                inBody.cancel();
                try {
                    Heddle.sleep(Duration.ofHours(1));
                    return "slept";
                } finally {
                    cleanedUp.set(true);
                }
            }));
            inBody.awaitCancellation();
            token.cancel();
            assertEquals(Optional.empty(), h.join());
            assertTrue(cleanedUp.get());
        });
    }

    @Test
    void anAlreadyCancelledTokenRunsNoBody() {
        overManySeeds(() -> {
            CancellationToken token = new CancellationToken();
            token.cancel();
            AtomicInteger runs = new AtomicInteger();
            assertEquals(Optional.empty(), token.runUntilCancelled(runs::incrementAndGet));
            assertFalse(token.runUntilCancelled(() -> {
                runs.incrementAndGet();
            }));
            assertEquals(0, runs.get());
            CancellationToken child = new CancellationToken().child();
            CancellationToken parent = new CancellationToken();
            assertTrue(child.runUntilCancelled(Heddle::yieldNow));
            assertEquals(Optional.empty(), parent.child().runUntilCancelled(() -> {
                parent.cancel();
                Heddle.yieldNow();
                return "past a cancelled parent";
            }));
        });
    }

    @Test
    void aBodyThatEndsWithoutSuspendingAfterTheCancelKeepsItsValue() {
        overManySeeds(() -> {
            CancellationToken token = new CancellationToken();
            assertEquals(Optional.of("done"), token.runUntilCancelled(() -> {
                token.cancel();
                return "done";
            }));
        });
    }

    @Test
    void abortingTheTaskIsNotTurnedIntoEmpty() {
        overManySeeds(() -> {
            CancellationToken token = new CancellationToken();
            CancellationToken inBody = new CancellationToken();
            AtomicBoolean returned = new AtomicBoolean();
            JoinHandle<Void> h = Heddle.spawn(() -> {
                token.runUntilCancelled(() -> {
                    inBody.cancel();
                    Heddle.sleep(Duration.ofHours(1));
                    return "slept";
                });
                returned.set(true);
            });
            inBody.awaitCancellation();
            h.abort();
            JoinException e = assertThrows(JoinException.class, h::join);
            assertTrue(e.isCancelled());
            assertFalse(returned.get());
            assertFalse(token.isCancelled());
        });
    }

    @Test
    void timeoutsNestWithRunUntilCancelled() {
        overManySeeds(() -> {
            CancellationToken token = new CancellationToken();
            dev.heddle.time.Clock clock = Heddle.clock();
            assertThrows(Elapsed.class, () -> token.runUntilCancelled(() -> clock.timeout(Duration.ofMillis(5),
                    () -> {
                        Heddle.sleep(Duration.ofHours(1));
                        return "slept";
                    })));
            assertThrows(Elapsed.class, () -> clock.timeout(Duration.ofMillis(5), () -> token.runUntilCancelled(
                    () -> {
                        Heddle.sleep(Duration.ofHours(1));
                        return "slept";
                    })));
            Heddle.spawn(() -> {
                Heddle.sleep(Duration.ofMillis(1));
                token.cancel();
            });
            assertEquals(Optional.empty(), clock.timeout(Duration.ofSeconds(5), () -> token.runUntilCancelled(() -> {
                Heddle.sleep(Duration.ofHours(1));
                return "slept";
            })));
        });
    }

    @Test
    void aNullValueFailsNamingTheRunnableForm() {
        overManySeeds(() -> {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> new CancellationToken().runUntilCancelled(() -> (String) null));
            assertTrue(e.getMessage().contains("runUntilCancelled(Runnable)"), e.getMessage());
        });
    }

    @Test
    void outsideATaskRunUntilCancelledFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CancellationToken().runUntilCancelled(() -> 1));
        assertTrue(e.getMessage().contains("Heddle task"), e.getMessage());
    }
}
