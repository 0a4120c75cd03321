package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The structured guarantee of the {@link Join} helpers when the caller itself is cancelled:
 * whether it is aborted or its timeout passes, none of the helper's tasks is still running
 * when the helper throws. Over many seeds, with the cancellation at a random point.
 */
class JoinCancelledCallerTest {
    private static final int SEEDS = 300;

    @Test
    void anAbortedCallerLeavesNoChildRunning() {
        int cancelledInside = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Outcome o = new Outcome();
            Simulation.ofSeed(seed).strategy(seed % 2 == 0 ? Strategy.RANDOM : Strategy.PCT).run(sim -> {
                JoinHandle<Void> caller = sim.spawn(() -> callHelper(sim, o));
                sim.sleep(Duration.ofNanos(sim.random().nextLong(3_000_000)));
                caller.abort();
                awaitEnd(caller);
            });
            cancelledInside += o.check(seed, CancellationException.class);
        }
        assertTrue(cancelledInside > SEEDS / 4,
                "only " + cancelledInside + " of " + SEEDS + " seeds aborted the caller inside the helper");
    }

    @Test
    void aTimedOutCallerLeavesNoChildRunning() {
        int cancelledInside = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Outcome o = new Outcome();
            Simulation.ofSeed(seed).strategy(seed % 2 == 0 ? Strategy.RANDOM : Strategy.PCT).run(sim -> {
                Duration limit = Duration.ofNanos(1 + sim.random().nextLong(3_000_000));
                JoinHandle<Void> caller = sim.spawn(() -> {
                    try {
                        sim.clock().timeout(limit, () -> {
                            callHelper(sim, o);
                            return null;
                        });
                    } catch (Elapsed e) {
                        o.cancellation = e;
                    }
                });
                awaitEnd(caller);
            });
            cancelledInside += o.check(seed, Elapsed.class);
        }
        assertTrue(cancelledInside > SEEDS / 4,
                "only " + cancelledInside + " of " + SEEDS + " seeds timed the caller out inside the helper");
    }

    /**
     * The wait for aborted children ignores the caller's cancellation but is still a suspension
     * the simulator watches: a monitor the caller holds across it is reported, from that wait.
     */
    @Test
    void aMonitorHeldWhileTheHelperWaitsForAbortedChildrenIsReported() {
        Object monitor = new Object();
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            AtomicReference<JoinHandle<Void>> self = new AtomicReference<>();
            JoinHandle<Void> caller = sim.spawn(() -> {
                synchronized (monitor) {
                    // Cancelled without suspending: the helper's own wait throws before the
                    // simulator looks, so only the wait for the aborted child can report the monitor.
                    self.get().abort();
                    Join.joinAll(List.<Callable<Integer>>of(() -> {
                        sim.sleep(Duration.ofMillis(1));
                        return 1;
                    }));
                }
            });
            self.set(caller);
            awaitEnd(caller);
        }));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("monitor of a java.lang.Object (synchronized)"), f.getMessage());
        assertTrue(f.getMessage().contains("abortAndAwaitPending"), f.getMessage());
    }

    /** Calls one of the helpers (picked by the seed) over children that sleep in several steps. */
    private static void callHelper(Sim sim, Outcome o) {
        int helper = sim.random().nextInt(5);
        List<Callable<Integer>> bodies = new ArrayList<>();
        int children = 2 + sim.random().nextInt(4);
        for (int c = 0; c < children; c++) {
            int steps = 1 + sim.random().nextInt(4);
            long nanos = sim.random().nextLong(1_000_000);
            boolean fails = sim.random().nextInt(8) == 0;
            bodies.add(() -> {
                o.running.incrementAndGet();
                try {
                    for (int s = 0; s < steps; s++) {
                        sim.sleep(Duration.ofNanos(nanos));
                    }
                    if (fails) {
                        throw new IllegalStateException("child failed on purpose");
                    }
                    return steps;
                } finally {
                    o.running.decrementAndGet();
                }
            });
        }
        o.entered = true;
        try {
            switch (helper) {
                case 0 -> Join.joinAll(bodies);
                case 1 -> Join.tryJoinAll(bodies);
                case 2 -> Join.selectOk(bodies);
                case 3 -> Join.join(bodies.get(0), bodies.get(1));
                default -> Join.tryJoin(bodies.get(0), bodies.get(1));
            }
        } catch (JoinException childFailed) {
            // A child's own failure is an outcome like any other here.
        } catch (CancellationException e) {
            o.cancellation = e;
            throw e;
        } finally {
            o.runningWhenHelperLeft = o.running.get();
        }
    }

    private static void awaitEnd(JoinHandle<?> h) {
        try {
            h.join();
        } catch (JoinException ended) {
            // Cancelled or failed: only that it ended matters.
        }
    }

    /** What one run observed. */
    private static final class Outcome {
        final AtomicInteger running = new AtomicInteger();
        volatile boolean entered;
        volatile int runningWhenHelperLeft = -1;
        volatile Exception cancellation;

        /** Asserts the run left no child running; 1 if the caller was cancelled inside the helper. */
        int check(long seed, Class<? extends Exception> expected) {
            if (!entered) {
                return 0;
            }
            assertEquals(0, runningWhenHelperLeft, "seed " + seed + ": " + runningWhenHelperLeft
                    + " children still running when the helper left (cancelled by " + cancellation + ")");
            assertEquals(0, running.get(), "seed " + seed + ": children running after the run");
            return expected.isInstance(cancellation) ? 1 : 0;
        }
    }
}
