package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.Slot;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spurious wake-ups and the JDK calls the agent rewrites, in instrumented user code ({@link Slot}):
 * runs in the JVM started with {@code -javaagent:sim-agent.jar=dev.heddle.agent.test}.
 */
class SpuriousWakeupsAgentIT {
    private static final int SEEDS = 100;

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    /** A taker and a filler of one slot; the taker must see the value filled. */
    private static SimBody takerAndFiller(boolean withIf) {
        return sim -> {
            Slot slot = new Slot();
            JoinHandle<String> taker = sim.spawn(() -> withIf ? slot.takeIf() : slot.take());
            JoinHandle<Void> filler = sim.spawn(() -> slot.fill("parcel"));
            filler.join();
            assertEquals("parcel", taker.join());
        };
    }

    /** The first seed of {@link #SEEDS} that fails, or -1. */
    private static long firstFailure(SimBody body, boolean spurious, Strategy strategy) {
        for (long seed = 0; seed < SEEDS; seed++) {
            try {
                Simulation.ofSeed(seed).strategy(strategy).spuriousWakeups(spurious).run(body);
            } catch (SimulationFailure f) {
                return seed;
            }
        }
        return -1;
    }

    @Test
    void anIfAroundConditionAwaitIsCaughtWithSpuriousWakeUpsAndNeverWithout() {
        assertEquals(-1, firstFailure(takerAndFiller(true), false, Strategy.RANDOM));
        assertEquals(-1, firstFailure(takerAndFiller(true), false, Strategy.PCT));
        assertTrue(firstFailure(takerAndFiller(true), true, Strategy.RANDOM) >= 0);
        assertTrue(firstFailure(takerAndFiller(true), true, Strategy.PCT) >= 0);
    }

    @Test
    void aWhileAroundConditionAwaitNeverFailsWithSpuriousWakeUps() {
        assertEquals(-1, firstFailure(takerAndFiller(false), true, Strategy.RANDOM));
        assertEquals(-1, firstFailure(takerAndFiller(false), true, Strategy.PCT));
    }

    @Test
    void thePortfolioCatchesTheIfWithinAHundredSeeds() {
        assertTrue(firstFailure(takerAndFiller(true), false, Strategy.PORTFOLIO) >= 0);
    }

    @Test
    void spuriousWakeUpsWithPointsAreDeterministic() {
        for (long seed = 0; seed < 20; seed++) {
            Simulation.ofSeed(seed).spuriousWakeups(true).schedulingPoints(true)
                    .checkDeterminism(takerAndFiller(false));
        }
    }

    @Test
    void threadYieldHoldingAMonitorIsALockHeldAcrossASuspension() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            Slot slot = new Slot();
            sim.spawn(slot::yieldHoldingMonitor).join();
        }));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("Slot.yieldHoldingMonitor"), f.getMessage());
    }

    @Test
    void startingAVirtualThreadCreatedOutsideFailsAtTheStart() {
        Thread outside = Thread.ofVirtual().unstarted(() -> { });
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            try {
                Slot.start(outside);
            } catch (IllegalStateException refused) {
                // The run has failed already; the exception stops the body here.
            }
        }));
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("created outside the simulation"), f.getMessage());
        assertTrue(f.getMessage().contains("Slot.start"), f.getMessage());
        assertEquals(Thread.State.NEW, outside.getState());
    }
}
