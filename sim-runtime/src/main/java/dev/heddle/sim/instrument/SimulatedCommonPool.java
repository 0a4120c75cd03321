package dev.heddle.sim.instrument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;

/**
 * A run's stand-in for {@code ForkJoinPool.commonPool()}: its workers would be
 * {@code ForkJoinWorkerThread}s, platform threads by construction, outside the simulation. It is a
 * {@code ForkJoinPool} (the type the code asks for), but every task submitted through its
 * {@code execute}, {@code submit}, {@code invoke} and {@code invokeAll} runs on a task of the run
 * of its own ({@link SimulatedJdkCalls#asyncPool()}), the pool's own workers never start. As the
 * common pool does, it ignores {@code shutdown}. A {@code fork()} inside such a task is the JDK's:
 * outside a {@code ForkJoinWorkerThread} it goes to the JDK's common pool, outside the
 * simulation (reported as a platform thread if it wakes a task), and so do the pool's other
 * methods (scheduling, {@code invokeAny}).
 */
final class SimulatedCommonPool extends ForkJoinPool {
    private final Executor tasks;

    SimulatedCommonPool(Executor tasks) {
        super(1);
        this.tasks = tasks;
    }

    /** As the JDK's, an exception the task throws goes to its thread's uncaught-exception handler. */
    @Override
    public void execute(Runnable task) {
        tasks.execute(Objects.requireNonNull(task));
    }

    @Override
    public void execute(ForkJoinTask<?> task) {
        submit(task);
    }

    @Override
    public <T> ForkJoinTask<T> submit(ForkJoinTask<T> task) {
        Objects.requireNonNull(task);
        tasks.execute(task::quietlyInvoke);
        return task;
    }

    @Override
    public <T> ForkJoinTask<T> submit(Callable<T> task) {
        return submit(ForkJoinTask.adaptInterruptible(task));
    }

    @Override
    public <T> ForkJoinTask<T> submit(Runnable task, T result) {
        return submit(ForkJoinTask.adapt(task, result));
    }

    @Override
    public ForkJoinTask<?> submit(Runnable task) {
        return submit(ForkJoinTask.adapt(task));
    }

    @Override
    public <T> T invoke(ForkJoinTask<T> task) {
        return submit(task).join();
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        List<ForkJoinTask<T>> submitted = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            submitted.add(submit(task));
        }
        for (ForkJoinTask<T> task : submitted) {
            task.quietlyJoin();
        }
        return new ArrayList<>(submitted);
    }

    /** The common pool cannot be shut down. */
    @Override
    public void shutdown() {
    }

    /** The common pool cannot be shut down: nothing is stopped, and no task is returned. */
    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
