package dev.heddle.sim.instrument;

import java.util.concurrent.ThreadFactory;

/**
 * A {@code ThreadFactory} whose platform threads run as tasks of the simulation that asks for
 * them: for the pools the JDK builds ({@code ThreadPoolExecutor} creates and starts its workers
 * in its own code, which the agent does not rewrite). The factory it wraps (the JDK's default, or
 * the user's) still makes each thread, with its name, daemon status and handler; the pool gets
 * that thread's {@link PlatformThreadRunner runner} instead, a virtual thread of the run, which it
 * starts itself. Asked on a thread outside every simulation, it gives the wrapped factory's thread.
 */
final class SimulatedThreadFactory implements ThreadFactory {
    private final ThreadFactory threads;

    SimulatedThreadFactory(ThreadFactory threads) {
        this.threads = threads;
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread made = threads.newThread(work);
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (made == null || made.isVirtual() || sim == null) {
            return made;
        }
        return PlatformThreadRunner.of(made, sim);
    }
}
