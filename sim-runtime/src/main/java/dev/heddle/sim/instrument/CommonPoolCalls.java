package dev.heddle.sim.instrument;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * The stand-in for {@code ForkJoinPool.commonPool()}, which Heddle's agent puts in place of the
 * original in the classes it instruments. Not for users. Outside a simulation it is exactly the
 * JDK call; inside one, the run's {@link SimulatedCommonPool}, one per run, so that the code's
 * identity checks on the pool hold within the run.
 */
public final class CommonPoolCalls {
    /** Each run's pool, by the run; weak, so that a finished run's pool goes with it. */
    private static final Map<SimulatedJdkCalls, SimulatedCommonPool> POOLS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private CommonPoolCalls() {}

    /** {@code ForkJoinPool.commonPool()}. */
    public static ForkJoinPool commonPool() {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim == null) {
            return ForkJoinPool.commonPool();
        }
        return POOLS.computeIfAbsent(sim, run -> new SimulatedCommonPool(run.asyncPool()));
    }
}
