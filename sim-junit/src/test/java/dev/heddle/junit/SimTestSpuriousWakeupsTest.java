package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import dev.heddle.sim.instrument.JdkCalls;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** {@code @SimTest(spuriousWakeups = true)} reaches the simulation: a wait in an {@code if} fails the sweep. */
class SimTestSpuriousWakeupsTest {

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        /** A waiter that waits for the value with an {@code if}, not a {@code while}, as rewritten by the agent. */
        static void waitInAnIf(Sim sim) throws Exception {
            ReentrantLock lock = new ReentrantLock();
            Condition published = lock.newCondition();
            int[] value = {0};
            JoinHandle<Integer> waiter = sim.spawn(() -> {
                lock.lock();
                try {
                    if (value[0] == 0) {
                        JdkCalls.await(published);
                    }
                    return value[0];
                } finally {
                    lock.unlock();
                }
            });
            sim.spawn(() -> {
                lock.lock();
                try {
                    value[0] = 42;
                    published.signal();
                } finally {
                    lock.unlock();
                }
            });
            assertEquals(42, waiter.join(), "the waiter returned before the value was published");
        }

        @SimTest(seeds = 100, strategy = Strategy.RANDOM, spuriousWakeups = true)
        void withSpuriousWakeups(Sim sim) throws Exception {
            waitInAnIf(sim);
        }

        /** The default, PORTFOLIO, wakes waits spuriously in half its seeds. */
        @SimTest(seeds = 100)
        void byDefault(Sim sim) throws Exception {
            waitInAnIf(sim);
        }

        /** RANDOM: the default portfolio wakes waits spuriously in half its seeds. */
        @SimTest(seeds = 100, strategy = Strategy.RANDOM)
        void withoutSpuriousWakeups(Sim sim) throws Exception {
            waitInAnIf(sim);
        }
    }

    @Test
    void aWaitInAnIfFailsTheSweepWithSpuriousWakeupsAndPassesWithout() {
        SampleRun with = SampleRun.of(Samples.class, "withSpuriousWakeups");
        SimulationFailure f = (SimulationFailure) with.failure();
        assertEquals(FailureKind.TASK_FAILED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("42"), f.getMessage());
        assertTrue(f.rerunCommand().contains("SimTestSpuriousWakeupsTest$Samples#withSpuriousWakeups"),
                f.rerunCommand());
        SampleRun without = SampleRun.of(Samples.class, "withoutSpuriousWakeups");
        assertTrue(without.passed(), without.output());
    }

    @Test
    void theDefaultPortfolioCatchesTheWaitInAnIfAndItsRerunCommandReplaysIt() {
        SimulationFailure f = (SimulationFailure) SampleRun.of(Samples.class, "byDefault").failure();
        assertEquals(FailureKind.TASK_FAILED, f.kind(), f.getMessage());
        assertTrue(f.configuration().spuriousWakeups(), f.getMessage());
        boolean namesStrategy = f.rerunCommand().contains("-Dheddle.strategy=");
        assertEquals(namesStrategy, f.rerunCommand().contains("-Dheddle.spuriousWakeups=true"), f.rerunCommand());
    }
}
