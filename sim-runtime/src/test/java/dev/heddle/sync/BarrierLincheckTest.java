package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Two threads pass a barrier of two the same number of times. Each call reports its
 * generation and whether it led; the sequential model is "calls pair up in order, the second
 * of each pair leads", which every correct run matches (a follower's call starts before its
 * leader's). The scenarios have no part before or after the parallel one, which would block.
 */
public class BarrierLincheckTest {
    private static final int PARTIES = 2;
    private final Barrier barrier = new Barrier(PARTIES);

    /** Generation times two, plus one for the leader. */
    @Operation
    public long await() {
        BarrierWaitResult r = barrier.await();
        return r.generation() * 2 + (r.isLeader() ? 1 : 0);
    }

    @Test
    void stress() {
        new StressOptions().threads(PARTIES).actorsPerThread(3).actorsBefore(0).actorsAfter(0).iterations(3)
                .invocationsPerIteration(60).sequentialSpecification(PairingModel.class).check(BarrierLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(PARTIES).actorsPerThread(2).actorsBefore(0).actorsAfter(0).iterations(2)
                .invocationsPerIteration(20).sequentialSpecification(PairingModel.class).check(BarrierLincheckTest.class);
    }

    /** The barrier as one thread would see its calls in linearization order. */
    public static final class PairingModel {
        private long calls;

        public long await() {
            long c = calls++;
            return (c / PARTIES) * 2 + (c % PARTIES == PARTIES - 1 ? 1 : 0);
        }
    }
}
