package dev.heddle.sim.instrument;

/**
 * The virtual thread that runs a platform thread's work in a simulation, in its place: a
 * {@code Thread} the code made cannot become virtual, and started for real it would run outside
 * the simulation. Created on a thread of the run, so that it inherits the run's scheduler (as
 * every virtual thread a task creates does, whatever the carrier's class), and told to the run
 * before it starts, so that it shows under the platform thread's name and daemon status. It runs
 * the platform thread's {@code run()} (its {@code Runnable}, or a subclass's override), with the
 * interrupt status and context class loader the thread had, and hands an exception that escapes
 * it to the uncaught-exception handler the JDK would call.
 */
final class PlatformThreadRunner {
    private PlatformThreadRunner() {}

    /** The runner of {@code platform}'s work in {@code sim}'s run, not yet started; called on a thread of that run. */
    static Thread of(Thread platform, SimulatedJdkCalls sim) {
        Thread runner = Thread.ofVirtual().name(platform.getName()).unstarted(() -> run(platform, sim));
        runner.setContextClassLoader(platform.getContextClassLoader());
        if (platform.isInterrupted()) {
            runner.interrupt();
        }
        sim.runsWorkOf(runner, platform);
        return runner;
    }

    private static void run(Thread platform, SimulatedJdkCalls sim) {
        try {
            platform.run();
        } catch (Throwable e) {
            dispatchUncaught(platform, e, sim);
        }
    }

    /**
     * As the JVM does when a thread's {@code run()} throws: the thread's handler, else its group's
     * {@code uncaughtException} (which asks its parent, then the default handler, then prints).
     * When that chain ends in printing (only the JDK's own groups, no default handler), nobody
     * would see the failure in a test: the run fails instead, naming the thread. An exception
     * the handler throws is ignored, as the JVM ignores it.
     */
    private static void dispatchUncaught(Thread platform, Throwable e, SimulatedJdkCalls sim) {
        Thread.UncaughtExceptionHandler handler = platform.getUncaughtExceptionHandler();
        if (handler instanceof ThreadGroup group && onlyPrints(group)) {
            sim.uncaught(platform, e);
            return;
        }
        try {
            handler.uncaughtException(platform, e);
        } catch (Throwable ignored) {
            // The JVM ignores what an uncaught-exception handler throws.
        }
    }

    private static boolean onlyPrints(ThreadGroup group) {
        for (ThreadGroup g = group; g != null; g = g.getParent()) {
            if (g.getClass() != ThreadGroup.class) {
                return false;
            }
        }
        return Thread.getDefaultUncaughtExceptionHandler() == null;
    }
}
