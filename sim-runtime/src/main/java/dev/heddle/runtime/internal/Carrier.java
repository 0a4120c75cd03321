package dev.heddle.runtime.internal;

import dev.heddle.time.TimeDriver;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
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

    /**
     * The executor the runtime's virtual threads are built on: the JDK submits their
     * continuations to it, and, when it is a {@link java.util.concurrent.ForkJoinPool}, hands it
     * their timed parks too ({@code schedule(Runnable, long, TimeUnit)}), which the simulator
     * puts on virtual time. The carrier itself unless it needs that.
     */
    default Executor virtualThreadScheduler() {
        return this;
    }

    /** The time source behind the runtime's clock. */
    TimeDriver time();

    /** Randomness for code under test: seeded in simulation. */
    RandomGenerator random();

    /**
     * The {@link Node} of a task spawned from outside any task of the runtime (the task of
     * {@code blockOn}), and so of every task it spawns: this machine on a real runtime; in
     * simulation the code outside every simulated host, on true virtual time.
     */
    default Node defaultNode() {
        return LocalMachine.INSTANCE;
    }

    /**
     * Draws the branch a select polls first, out of {@code branches}: a random choice, one
     * draw per call, that keeps select fair (no branch starves). Not a property of the
     * carrier. Random here; the simulator draws it from the seed's own select stream, so that
     * selects do not shift the numbers user code draws, and records it in the run's trace.
     */
    default int selectStart(int branches) {
        return branches <= 1 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextInt(branches);
    }

    /**
     * True when {@code spawnBlocking} runs its body as an ordinary task of this carrier (the
     * simulator: one more simulated task, bounded by {@code BlockingSlots}) instead of on the
     * real blocking pool's threads. Read by the runtime to pick one or the other, and for
     * nothing else: to ask "is this the simulator?", use {@link #isSimulation()}.
     */
    boolean simulatesBlocking();

    /**
     * True when this carrier is the deterministic simulator: one task runs at a time, one step
     * per decision, on virtual time. A task that would busy-wait for another one's progress
     * (a {@code Mutex} spinning briefly before it queues) asks this: there the other task
     * cannot run meanwhile, so a spin only burns steps.
     *
     * <p>The simulator is the one carrier that simulates blocking, so the default is
     * {@link #simulatesBlocking()}; a carrier for which the two differ overrides this.
     */
    default boolean isSimulation() {
        return simulatesBlocking();
    }

    /**
     * The factory of the threads of tasks {@code spawnLocal} starts: threads whose every wake-up
     * this carrier keeps on worker {@code worker} (a {@link #workerIndex()} seen on a task), and
     * that no other worker steals. {@code threads} is the runtime's usual factory, which a carrier
     * with one thread for every task (where every task is local) returns as it is.
     */
    default ThreadFactory localThreads(ThreadFactory threads, int worker) {
        return threads;
    }

    /**
     * Called on a task about to run code that blocks its thread (Tokio's {@code block_in_place}):
     * the multi-thread scheduler hands the task's worker, with the tasks queued on it, to a
     * replacement thread; the simulator with logical workers lets the step go on holding its
     * worker. False when the carrier has no other thread to run the other tasks meanwhile (the
     * current-thread runtime, a simulation of one), where blocking in place would stall them.
     */
    default boolean blockInPlace() {
        return false;
    }

    /**
     * The index of the worker running the calling task, from 0; -1 when it runs on no worker (a
     * thread blockInPlace took off its worker). One worker, 0, unless the carrier has several.
     */
    default int workerIndex() {
        return 0;
    }

    /**
     * The factory of the threads of the runtime's tasks, given the runtime's usual one: the
     * simulator wraps it to tell its own spawns from threads that user code creates (see
     * {@link #threadCreated}).
     */
    default ThreadFactory taskThreads(ThreadFactory threads) {
        return threads;
    }

    /**
     * Called on a thread of this carrier's simulation while it constructs a new thread, with
     * the {@link ThreadOrigin} it passes down; returns the new thread's. Only a simulation ever
     * sets an origin ({@link ThreadOrigin#enter}), so only the simulator overrides this.
     */
    default ThreadOrigin threadCreated(ThreadOrigin parent) {
        return parent;
    }

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
