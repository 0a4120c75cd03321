package dev.heddle.runtime;

import dev.heddle.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A Heddle runtime: spawns tasks on virtual threads carried by a {@link Carrier}, and gives
 * them a clock. The same runtime API serves production and simulation.
 *
 * <pre>{@code
 * try (Runtime rt = Runtime.multiThread().workerThreads(4).build()) {
 *     int sum = rt.blockOn(() -> {
 *         JoinHandle<Integer> a = Heddle.spawn(() -> 20);
 *         JoinHandle<Integer> b = Heddle.spawn(() -> 22);
 *         return a.join() + b.join();
 *     });
 * }
 * }</pre>
 * Inside a task, {@link Heddle} reaches the current runtime without passing it around.
 */
public final class Runtime implements AutoCloseable {
    private final Carrier carrier;
    private final ThreadFactory threads;
    private final RuntimeClock clock;
    private final BlockingPool blockingPool;
    private final BlockingSlots simulatedBlockingSlots;
    private final AtomicLong ids = new AtomicLong();
    /** Tasks not yet ended, in spawn order: the order of abort at close and of reports. */
    private final ConcurrentSkipListMap<Long, Task<?>> alive = new ConcurrentSkipListMap<>();
    private volatile boolean closed;

    /** A builder for a runtime whose tasks all run on the thread that calls {@link #blockOn}. */
    public static RuntimeBuilder currentThread() {
        return new RuntimeBuilder(false);
    }

    /** A builder for a runtime whose tasks run on a pool of worker threads. */
    public static RuntimeBuilder multiThread() {
        return new RuntimeBuilder(true);
    }

    /**
     * A runtime on the given carrier; used by the simulator and the builders.
     *
     * @param maxBlockingThreads how many blocking tasks may run at once
     * @param threadName prefix of the names of the threads the runtime creates
     */
    public Runtime(Carrier carrier, int maxBlockingThreads, String threadName, Runnable onThreadStart,
                   Runnable onThreadStop) {
        this.carrier = carrier;
        this.threads = VirtualThreads.factory(carrier);
        this.clock = new RuntimeClock(carrier.time());
        if (carrier.simulatesBlocking()) {
            this.blockingPool = null;
            this.simulatedBlockingSlots = new BlockingSlots(maxBlockingThreads);
        } else {
            this.blockingPool = new BlockingPool(maxBlockingThreads, threadName, onThreadStart, onThreadStop);
            this.simulatedBlockingSlots = null;
        }
    }

    /**
     * The runtime of the calling task.
     *
     * @throws IllegalStateException on a thread that is not a Heddle task
     */
    public static Runtime current() {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException("no Heddle runtime on thread " + Thread.currentThread()
                    + ": Heddle.spawn, sleep and now work inside a task, i.e. inside Runtime.blockOn, a spawned task,"
                    + " or a @SimTest method");
        }
        return task.runtime();
    }

    /** The runtime's clock: real time, or virtual time in simulation. */
    public Clock clock() {
        return clock;
    }

    /** Randomness for code under test: drawn from the seed in simulation. */
    public RandomGenerator random() {
        return carrier.random();
    }

    public Carrier carrier() {
        return carrier;
    }

    public <T> JoinHandle<T> spawn(Callable<T> body) {
        return spawn(null, body);
    }

    public JoinHandle<Void> spawn(Runnable body) {
        return spawn(null, asCallable(body));
    }

    /** Spawns a task with a name that appears in traces, failure reports and thread dumps. */
    public <T> JoinHandle<T> spawn(String name, Callable<T> body) {
        checkOpen();
        Task<T> task = newTask(name, body, false);
        start(task);
        return new JoinHandle<>(task);
    }

    public JoinHandle<Void> spawn(String name, Runnable body) {
        return spawn(name, asCallable(body));
    }

    /**
     * Runs {@code body} where it may block its thread (file I/O, long computations): on a
     * pool of platform threads bounded by {@code maxBlockingThreads}, or as a simulated task
     * with the same bound in simulation.
     */
    public <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        checkOpen();
        if (simulatedBlockingSlots != null) {
            BlockingSlots slots = simulatedBlockingSlots;
            Task<T> task = newTask("blocking", () -> {
                slots.acquire();
                try {
                    return body.call();
                } finally {
                    slots.release();
                }
            }, false);
            start(task);
            return new JoinHandle<>(task);
        }
        Task<T> task = newTask("blocking", body, true);
        alive.put(task.id(), task);
        blockingPool.submit(task);
        return new JoinHandle<>(task);
    }

    /**
     * Runs {@code body} as a task and waits for its value, driving the runtime meanwhile.
     * Unchecked exceptions of the body come out as they are, checked ones wrapped in
     * {@link CompletionException}.
     *
     * @throws IllegalStateException when called from inside a Heddle task
     */
    public <T> T blockOn(Callable<T> body) {
        Task<?> inside = Task.current();
        if (inside != null) {
            throw new IllegalStateException("blockOn called from inside task " + inside
                    + ": a task cannot block the carrier it runs on; spawn the work and join() it instead");
        }
        checkOpen();
        Task<T> root = newTask("main", body, false);
        start(root);
        carrier.drive(root);
        try {
            return root.outcome();
        } catch (JoinException e) {
            if (e.isCancelled()) {
                throw e;
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new CompletionException(cause);
        }
    }

    /** Tasks spawned and not yet ended, in spawn order. */
    public List<Task<?>> aliveTasks() {
        return new ArrayList<>(alive.values());
    }

    /** Threads of the blocking pool alive now (0 in simulation). */
    public int blockingThreads() {
        return blockingPool == null ? 0 : blockingPool.threads();
    }

    /**
     * Aborts every task still alive, lets them run their {@code finally} blocks, and releases
     * the runtime's threads.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Task<?>> left = aliveTasks();
        if (!left.isEmpty()) {
            for (Task<?> t : left) {
                t.cancel();
            }
            Task<Void> cleanup = newTask("shutdown", () -> {
                for (Map.Entry<Long, Task<?>> e : alive.entrySet()) {
                    Task<?> t = e.getValue();
                    if (!t.isBlocking() && !t.isDone() && t.thread() != Thread.currentThread()) {
                        new JoinHandle<>(t).awaitEnd();
                    }
                }
                return null;
            }, false);
            start(cleanup);
            carrier.drive(cleanup);
        }
        if (blockingPool != null) {
            blockingPool.close();
        }
        carrier.close();
    }

    void taskEnded(Task<?> task) {
        alive.remove(task.id());
        carrier.taskEnded(task);
    }

    private <T> Task<T> newTask(String name, Callable<T> body, boolean blocking) {
        long id = ids.incrementAndGet();
        return new Task<>(id, name == null ? (blocking ? "blocking" : "task") : name, this, body, blocking);
    }

    private void start(Task<?> task) {
        Thread thread = threads.newThread(task);
        thread.setName(task.toString());
        task.bind(thread);
        alive.put(task.id(), task);
        carrier.taskSpawned(task);
        thread.start();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this runtime is closed; spawn on a runtime that is open");
        }
    }

    static Callable<Void> asCallable(Runnable body) {
        return () -> {
            body.run();
            return null;
        };
    }
}
