package dev.heddle.sim;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The platform threads whose work runs as tasks of one run, under Heddle's agent. A
 * {@code Thread} the code made cannot become virtual, and started for real it would run outside
 * the simulation; so its work runs on a virtual thread of the run, its runner, which the
 * simulator adopts as it adopts every virtual thread a task starts. This class pairs each runner
 * with the platform thread it stands for, both ways: the agent's stand-ins for
 * {@code Thread.currentThread()} and for calls on a {@code Thread} ({@code join},
 * {@code interrupt}, ...) ask it, so that the code sees its own {@code Thread} object while the
 * simulation runs (and reports) the runner, under the same name.
 *
 * <p>Also the run's stand-in for the common pool, whose workers are platform threads by
 * construction ({@code ForkJoinWorkerThread}): each task on a runner of its own.
 *
 * <p>Touched only by the run's threads, one at a time; synchronized all the same, since a
 * stand-in may be reached from a thread that escaped the run, whose report must not be a
 * corrupted map.
 */
final class PlatformThreadTasks {
    /** How a runner shows: the platform thread it runs the work of (null for a common-pool task), its name, daemon. */
    record Shown(Thread platform, String name, boolean daemon) {}

    private final Map<Thread, Shown> byRunner = new IdentityHashMap<>();
    private final Map<Thread, Thread> runners = new IdentityHashMap<>();
    private final Executor asyncPool = this::runAsync;
    /** Common-pool workers so far, numbered per run so that their names are the same in every run of a seed. */
    private int asyncWorkers;

    /** {@code runner}, about to start, runs {@code platform}'s work. */
    synchronized void add(Thread runner, Thread platform) {
        byRunner.put(runner, new Shown(platform, platform.getName(), platform.isDaemon()));
        runners.put(platform, runner);
    }

    /** How {@code runner} shows, or null for a thread that runs no platform thread's work. */
    synchronized Shown shown(Thread runner) {
        return byRunner.get(runner);
    }

    /** The thread code sees as {@code current}: the platform thread whose work it runs, or itself. */
    synchronized Thread shownAs(Thread current) {
        Shown shown = byRunner.get(current);
        return shown == null || shown.platform() == null ? current : shown.platform();
    }

    synchronized Thread runnerOf(Thread platform) {
        return runners.get(platform);
    }

    Executor asyncPool() {
        return asyncPool;
    }

    /**
     * Runs {@code work} on a new runner, named and daemon as a common-pool worker. Called on a
     * thread of the run (the task that submits it, or completes the stage it depends on), so the
     * runner inherits the run's scheduler.
     */
    private void runAsync(Runnable work) {
        Thread runner;
        synchronized (this) {
            String name = "ForkJoinPool.commonPool-worker-" + ++asyncWorkers;
            runner = Thread.ofVirtual().name(name).unstarted(work);
            byRunner.put(runner, new Shown(null, name, true));
        }
        runner.start();
    }
}
