package dev.heddle.sim.instrument;

import dev.heddle.sim.SimContext;
import java.util.concurrent.ForkJoinPool;

/**
 * The stand-in for {@code ForkJoinPool.commonPool()}, which Heddle's agent puts in place of the
 * original in the classes it instruments. Not for users. Outside a simulation it is exactly the
 * JDK call; inside one, the run's {@link SimulatedCommonPool}, one per run, so that the code's
 * identity checks on the pool hold within the run.
 */
public final class CommonPoolCalls {
    private CommonPoolCalls() {}

    /** {@code ForkJoinPool.commonPool()}. */
    public static ForkJoinPool commonPool() {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim == null) {
            return ForkJoinPool.commonPool();
        }
        return SimContext.current().<ForkJoinPool>map(run -> run.extension(SimulatedCommonPool.class,
                context -> new SimulatedCommonPool(sim.asyncPool()))).orElseGet(ForkJoinPool::commonPool);
    }
}
