package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AbortHandle}: aborting a task without owning its join, on the real runtimes and in simulation. */
class AbortHandleTest {

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    /** The body shared by the real runtimes and the simulation: abort through the handle, join through the other. */
    private static void abortThroughTheAbortHandle() {
        AtomicBoolean cleanedUp = new AtomicBoolean();
        CancellationToken never = new CancellationToken();
        CancellationToken started = new CancellationToken();
        JoinHandle<String> h = Heddle.spawn(() -> {
            started.cancel();
            try {
                never.awaitCancellation();
                return "not aborted";
            } finally {
                cleanedUp.set(true);
            }
        });
        AbortHandle stop = h.abortHandle();
        assertEquals(h.id(), stop.id());
        assertFalse(stop.isFinished());
        // A task aborted before it first runs never runs its body, so its finally would not run either.
        started.awaitCancellation();
        stop.abort();
        JoinException e = assertThrows(JoinException.class, h::join);
        assertTrue(e.isCancelled(), e.getMessage());
        assertEquals(h.id(), e.id());
        assertTrue(stop.isFinished());
        assertTrue(cleanedUp.get(), "the aborted task's finally block did not run");
        stop.abort();
        assertTrue(stop.isFinished());
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void abortHandleAbortsATaskWhoseJoinHandleJoins(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                abortThroughTheAbortHandle();
                return null;
            });
        }
    }

    @Test
    void abortHandleAbortsATaskWhoseJoinHandleJoinsOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> abortThroughTheAbortHandle());
        }
    }

    @Test
    void abortingAFinishedTaskKeepsItsValue() {
        for (long seed = 0; seed < 100; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                JoinHandle<Integer> h = Heddle.spawn(() -> 7);
                AbortHandle stop = h.abortHandle();
                while (!stop.isFinished()) {
                    Heddle.yieldNow();
                }
                stop.abort();
                assertEquals(7, h.join());
            });
        }
    }
}
