package dev.heddle.runtime.internal;

import dev.heddle.time.TimeDriver;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Everything that differs between production and simulation, behind one interface: the
 * executor that carries the tasks' virtual threads, the source of time, the source of
 * randomness, and how blocking work runs. The rest of Heddle is written once on top of it.
 *
 * <p>Implemented by the current-thread and multi-thread schedulers here, and by the
 * simulator in {@code dev.heddle.sim}.
 */
public interface Carrier extends Executor {

    /** The time source behind the runtime's clock. */
    TimeDriver time();

    /** Randomness for code under test: seeded in simulation. */
    RandomGenerator random();

    /**
     * The branch a select polls first, out of {@code branches}: random, and in simulation
     * drawn from the seed's own select stream, so that selects do not shift the numbers user
     * code draws.
     */
    default int selectStart(int branches) {
        return branches <= 1 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextInt(branches);
    }

    /** True when {@code spawnBlocking} must run as an ordinary (simulated) task instead of on real threads. */
    boolean simulatesBlocking();

    /** Called on the spawning thread after a task's thread is created and before it starts. */
    default void taskSpawned(Task<?> task) {}

    /**
     * Called on the spawning thread once a spawned task has started: where a carrier may make
     * a spawner that outruns its workers give way (see {@link dev.heddle.runtime.internal.scheduler.WorkStealingScheduler#spawned()}).
     */
    default void afterSpawn() {}

    /** Called on the task's own thread when its outcome is set, before anyone is told. */
    default void taskEnded(Task<?> task) {}

    /** Runs tasks on the calling thread, or waits for them, until {@code root} has ended. */
    void drive(Task<?> root);

    /** Releases the carrier's threads; called once, after every task has ended or been abandoned. */
    void close();
}
