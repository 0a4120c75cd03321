package dev.heddle.runtime;

import dev.heddle.runtime.internal.AliveTasks;
import dev.heddle.runtime.internal.BlockingPool;
import dev.heddle.runtime.internal.BlockingSlots;
import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Carrier;
import dev.heddle.runtime.internal.JdkPollers;
import dev.heddle.runtime.internal.Node;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.RuntimeClock;
import dev.heddle.runtime.internal.ShutdownSignal;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.TaskDumper;
import dev.heddle.runtime.internal.TaskHooks;
import dev.heddle.runtime.internal.VirtualThreads;
import dev.heddle.runtime.internal.WorkerPoolCarrier;
import dev.heddle.runtime.internal.scheduler.WorkStealingScheduler;
import dev.heddle.time.Clock;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A Heddle runtime: spawns tasks on virtual threads, carried by its own scheduler (one
 * thread, or work-stealing workers) or, in a simulation, by the simulator, and gives them a
 * clock. The same runtime API serves production and simulation.
 *
 * <pre>{@code
 * try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(4).build()) {
 *     int sum = rt.blockOn(() -> {
 *         JoinHandle<Integer> a = Heddle.spawn(() -> 20);
 *         JoinHandle<Integer> b = Heddle.spawn(() -> 22);
 *         return a.join() + b.join();
 *     });
 * }
 * }</pre>
 * Inside a task, {@link Heddle} reaches the current runtime without passing it around.
 */
public final class HeddleRuntime implements AutoCloseable {
    private final Carrier carrier;
    private final ThreadFactory threads;
    private final RuntimeClock clock;
    /** The node of tasks spawned from outside the runtime's tasks; see {@link Carrier#defaultNode()}. */
    private final Node defaultNode;
    private final BlockingPool blockingPool;
    private final BlockingSlots simulatedBlockingSlots;
    /** Ids of runtimes, in the order they were built. */
    private static final AtomicLong RUNTIME_IDS = new AtomicLong();
    private final long id = RUNTIME_IDS.incrementAndGet();
    /** The last task id handed out, which is also the number of tasks spawned. */
    private final AtomicLong ids = new AtomicLong();
    /**
     * Tasks not yet ended, and the count of those that have: every spawn and end touches it,
     * so it takes no lock and makes no object per task.
     */
    private final AliveTasks alive;
    /** The ctrl-c of this runtime: the JVM's shutdown on a real runtime, the test's in simulation. */
    private final ShutdownSignal ctrlC;
    /** Bound while a task runs the body of {@link #blockInPlace}: there it may block, and call {@link #blockOn}. */
    private static final ScopedValue<Boolean> BLOCKING_IN_PLACE = ScopedValue.newInstance();
    /**
     * Bound while the body of a simulated spawnBlocking task runs: it stands for a blocking
     * thread, which is on no worker, may block ({@link #blockOn}, {@link #blockInPlace}) and
     * cannot spawn local tasks, as on a real runtime.
     */
    private static final ScopedValue<Boolean> SIMULATED_BLOCKING = ScopedValue.newInstance();
    /** Bound while the body of {@link #blockOn} runs: Tokio's {@code block_on} future is no task, and has no id. */
    private static final ScopedValue<Boolean> BLOCK_ON_BODY = ScopedValue.newInstance();
    private final Handle handle = new Handle(this);
    private volatile boolean closed;

    /** A builder for a runtime whose tasks all run on the thread that calls {@link #blockOn}. */
    public static RuntimeBuilder currentThread() {
        return new RuntimeBuilder(false);
    }

    /** A builder for a runtime whose tasks run on a pool of worker threads. */
    public static RuntimeBuilder multiThread() {
        return new RuntimeBuilder(true);
    }

    static {
        RuntimeAccess.grant(new RuntimeAccess.Grant() {
            @Override
            public HeddleRuntime onCarrier(Carrier carrier, int maxBlockingThreads, String threadName) {
                return new HeddleRuntime(carrier, maxBlockingThreads, RuntimeBuilder.DEFAULT_BLOCKING_KEEP_ALIVE,
                        threadName, () -> {}, () -> {}, null, RuntimeBuilder.DEFAULT_SHUTDOWN_GRACE_PERIOD);
            }

            @Override
            public ShutdownSignal ctrlC(HeddleRuntime runtime) {
                return runtime.ctrlC;
            }

            @Override
            public Carrier carrier(HeddleRuntime runtime) {
                return runtime.carrier;
            }

            @Override
            public <T> Task<T> task(JoinHandle<T> handle) {
                return handle.task();
            }

            @Override
            public RuntimeClock clock(HeddleRuntime runtime) {
                return runtime.clock;
            }

            @Override
            public <T> JoinHandle<T> spawnOn(HeddleRuntime runtime, Node node, String name, Callable<T> body) {
                return runtime.spawnOn(node, name, body);
            }
        });
    }

    /**
     * A runtime on {@code carrier}, whose blocking pool (if it has one) lets an idle thread wait
     * {@code blockingKeepAlive} for more work before it ends, whose tasks {@code hooks} (null: none)
     * are told about, and whose ctrl-c holds the JVM's exit for up to {@code shutdownGracePeriod};
     * used by the builders, and by the simulator through {@link RuntimeAccess}.
     */
    HeddleRuntime(Carrier carrier, int maxBlockingThreads, Duration blockingKeepAlive, String threadName,
            Runnable onThreadStart, Runnable onThreadStop, TaskHooks hooks, Duration shutdownGracePeriod) {
        JdkPollers.startOutsideRuntimes();
        this.carrier = carrier;
        this.alive = new AliveTasks(hooks);
        this.ctrlC = new ShutdownSignal(!carrier.isSimulation(), threadName, shutdownGracePeriod);
        Executor scheduler = carrier.virtualThreadScheduler();
        this.threads = carrier.taskThreads(VirtualThreads.factory(hooks == null || hooks.latencies() == null
                ? scheduler : hooks.latencies().recording(scheduler)));
        this.defaultNode = carrier.defaultNode();
        this.clock = new RuntimeClock(carrier.time(), defaultNode);
        if (carrier.simulatesBlocking()) {
            this.blockingPool = null;
            this.simulatedBlockingSlots = new BlockingSlots(maxBlockingThreads);
        } else {
            this.blockingPool = new BlockingPool(maxBlockingThreads, blockingKeepAlive, threadName, onThreadStart,
                    onThreadStop);
            this.simulatedBlockingSlots = null;
        }
    }

    /**
     * The runtime of the calling task, or, on a thread that is no task, the runtime it
     * {@link #enter() entered}.
     *
     * @throws IllegalStateException on a thread that is not a Heddle task and entered no runtime
     */
    public static HeddleRuntime current() {
        Task<?> task = Task.current();
        if (task == null) {
            HeddleRuntime entered = EnterGuard.entered();
            if (entered != null) {
                return entered;
            }
        }
        return currentTask().runtime();
    }

    /**
     * Makes this runtime the calling thread's current one until the guard closes (Tokio's
     * {@code Runtime::enter}), so that {@link Heddle#spawn} and {@link Handle#current()} work on a
     * thread that is no task. Guards close in the reverse order of entering.
     */
    public EnterGuard enter() {
        return EnterGuard.enter(this);
    }

    /** Unique among the runtimes of this JVM, in the order they were built (Tokio's {@code runtime::Id}). */
    public long id() {
        return id;
    }

    /**
     * The index of the worker the calling task runs on now (Tokio's {@code runtime::worker_index}):
     * from 0 on the multi-thread runtime, always 0 on the current-thread runtime, the logical
     * worker in a simulation (0 without {@code workers(n)}). Empty outside a task of a runtime, in
     * a spawnBlocking body, and on the thread blockInPlace took off its worker. A task may move to
     * another worker at each suspension point, unless spawnLocal started it.
     */
    static OptionalInt currentWorkerIndex() {
        Task<?> task = Task.current();
        if (task == null || isBlocking(task)) {
            return OptionalInt.empty();
        }
        int index = task.carrier().workerIndex();
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** This runtime's {@link Handle}: what may be passed to code that should spawn onto it. */
    public Handle handle() {
        return handle;
    }

    /** The calling task; throws {@link #current()}'s exception on a thread that is not a Heddle task. */
    static Task<?> currentTask() {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException("no Heddle runtime on thread " + Thread.currentThread()
                    + ": Heddle.spawn, sleep and now work inside a task, i.e. inside HeddleRuntime.blockOn, a spawned task,"
                    + " or a @SimTest method");
        }
        return task;
    }

    /**
     * The runtime's clock: real time, or virtual time in simulation. It reads the clock of the
     * calling task's machine, so on a simulated host it is that host's clock, offset and drifting.
     */
    public Clock clock() {
        return clock;
    }

    /** Randomness for code under test: drawn from the seed in simulation. */
    public RandomGenerator random() {
        return carrier.random();
    }

    Carrier carrier() {
        return carrier;
    }

    /**
     * Starts {@code body} as a new task on this runtime and returns at once, from inside or
     * outside its tasks; the caller does not suspend. The task keeps running if the handle is
     * dropped. A task spawned from a task on a simulated host runs on that host.
     *
     * <pre>{@code JoinHandle<Integer> h = rt.spawn(() -> 6 * 7);}</pre>
     * On a runtime that is shut down the task ends cancelled, unrun, at once (as in Tokio): its
     * {@link JoinHandle#join()} throws a cancelled {@link JoinException}.
     */
    public <T> JoinHandle<T> spawn(Callable<T> body) {
        return spawn(null, body);
    }

    /** {@link #spawn(Callable)} for a body without a result. */
    public JoinHandle<Void> spawn(Runnable body) {
        return spawn(null, asCallable(body));
    }

    /** Spawns a task with a name that appears in traces, failure reports and thread dumps. */
    public <T> JoinHandle<T> spawn(String name, Callable<T> body) {
        return spawnOn(inheritedNode(), name, body);
    }

    /** Spawns a task on {@code node}: the simulator starting a host's body through {@link RuntimeAccess}. */
    private <T> JoinHandle<T> spawnOn(Node node, String name, Callable<T> body) {
        if (closed) {
            return cancelledAtOnce(newTask(name, body, false, node));
        }
        Task<T> task = newTask(name, body, false, node);
        start(task);
        carrier.afterSpawn();
        return new JoinHandle<>(task);
    }

    /** {@link #spawn(String, Callable)} for a body without a result. */
    public JoinHandle<Void> spawn(String name, Runnable body) {
        return spawn(name, asCallable(body));
    }

    /**
     * Starts {@code body} as a task that stays on the worker thread of the calling task and is
     * never stolen by another worker (what Tokio's {@code spawn_local} in a {@code LocalSet}
     * gives): the local tasks of one worker run one at a time on one thread, so they may share an
     * object that is not thread-safe without locks. On the
     * current-thread runtime it is an ordinary task, since every task runs on the one thread; in
     * a simulation with logical workers it stays on the logical worker of the calling task.
     * Tasks it spawns with {@link #spawn} are ordinary ones; virtual threads it starts with the
     * JDK's own API stay on the worker too. The calling task goes on without suspending. On a
     * runtime that is shut down the task ends cancelled, unrun, at once, as {@link #spawn} does.
     *
     * @throws IllegalStateException outside a task of this runtime, in a {@code spawnBlocking}
     *     body or inside {@link #blockInPlace} (on no worker)
     */
    <T> JoinHandle<T> spawnLocal(String name, Callable<T> body) {
        return spawnLocal(name, body, localWorker());
    }

    /**
     * The worker a local task spawned by the calling task now is pinned to: the one that runs
     * the calling task.
     *
     * @throws IllegalStateException outside a task of this runtime, in a {@code spawnBlocking}
     *     body or inside {@link #blockInPlace}, which run on no worker
     */
    int localWorker() {
        Task<?> spawner = spawner();
        if (isBlocking(spawner) || BLOCKING_IN_PLACE.isBound()) {
            throw new IllegalStateException("spawnLocal called from " + spawner + (isBlocking(spawner)
                    ? ", a spawnBlocking task," : " inside blockInPlace,") + " which runs on no worker for a local"
                    + " task to stay on; spawn it from a task on a worker, or use spawn");
        }
        int worker = carrier.workerIndex();
        if (worker < 0) {
            throw new IllegalStateException("spawnLocal called from " + spawner + ", whose thread is on no worker of"
                    + " this runtime now; spawn it from a task on a worker, or use spawn");
        }
        return worker;
    }

    private Task<?> spawner() {
        Task<?> spawner = Task.current();
        if (spawner == null || spawner.runtime() != this) {
            throw new IllegalStateException("spawnLocal called from outside a task of this runtime, on thread "
                    + Thread.currentThread() + ": a local task stays on the worker of the task that spawns it, so"
                    + " call it from inside one (HeddleRuntime.blockOn, a spawned task, a @SimTest method), or use"
                    + " spawn");
        }
        return spawner;
    }

    /** {@link #spawnLocal(String, Callable)} pinned to {@code worker} (a {@link #localWorker()} seen before). */
    <T> JoinHandle<T> spawnLocal(String name, Callable<T> body, int worker) {
        Task<?> spawner = spawner();
        if (closed) {
            return cancelledAtOnce(newTask(name == null ? "local" : name, body, false, spawner.node()));
        }
        ThreadFactory local = carrier.localThreads(threads, worker);
        Task<T> task = newTask(name == null ? "local" : name, body, false, spawner.node());
        task.markLocal();
        start(task, local);
        carrier.afterSpawn();
        return new JoinHandle<>(task);
    }

    /**
     * Runs {@code body}, which may block the calling task's thread (a JDBC call, a lock of a
     * library that knows nothing of tasks, a long computation), without stalling the other tasks
     * of its worker (Tokio's {@code block_in_place}): on the multi-thread runtime the worker
     * hands its queued tasks, with its place among the workers, to a new worker thread, and the
     * calling thread stays with this task as a plain thread while {@code body} runs; the task
     * goes on there after it, until its next suspension point. In a simulation with logical
     * workers the body runs in the task's step, which holds its logical worker. Unlike
     * {@link #spawnBlocking}, the body runs on the task itself ({@code Task}-bound state,
     * {@link Heddle} calls, {@link Handle#blockOn} to run async code again), and other code of
     * the same task waits for it. Outside a task, and in a {@code spawnBlocking} body, the body
     * just runs. Not a suspension point: neither an abort nor a timeout interrupts the body, and
     * the body spends no cooperative budget (Tokio's {@code coop::stop}).
     *
     * @throws IllegalStateException on the current-thread runtime (or a simulation of it), where
     *     no other thread would run the other tasks meanwhile, and in a {@code spawnLocal} task,
     *     which must not leave its worker's thread
     * @throws CompletionException wrapping a checked exception of the body; unchecked ones come
     *     out as they are
     */
    static <T> T blockInPlace(Callable<T> body) {
        Task<?> task = Task.current();
        if (task == null || isBlocking(task) || BLOCKING_IN_PLACE.isBound()) {
            return call(body);
        }
        if (task.isLocal()) {
            throw new IllegalStateException("can call blocking only when running on the multi-threaded runtime:"
                    + " blockInPlace called in " + task + ", a spawnLocal task, which must stay on its worker's"
                    + " thread while blockInPlace takes that thread off the worker; use spawnBlocking(body).join()");
        }
        if (!task.carrier().blockInPlace()) {
            throw new IllegalStateException("can call blocking only when running on the multi-threaded runtime:"
                    + " blockInPlace called in " + task + " on a current-thread runtime, which has no other thread"
                    + " to run the other tasks while the body blocks; use spawnBlocking(body).join(), or a"
                    + " multiThread() runtime (in simulation, workers(n))");
        }
        // Tokio's coop::stop: a blocking section spends no budget, having no worker to share.
        return ScopedValue.where(BLOCKING_IN_PLACE, Boolean.TRUE).call(() -> Budget.unconstrained(body));
    }

    /**
     * The id of the calling task, or empty outside every task and in the body of {@link #blockOn}
     * itself, which Tokio's {@code task::try_id} does not count as a task.
     */
    static OptionalLong currentTaskId() {
        Task<?> task = Task.current();
        return task == null || BLOCK_ON_BODY.isBound() ? OptionalLong.empty() : OptionalLong.of(task.id());
    }

    /** True when {@code task} may block its thread: a spawnBlocking task, or inside {@link #blockInPlace}. */
    static boolean mayBlock(Task<?> task) {
        return isBlocking(task) || BLOCKING_IN_PLACE.isBound();
    }

    /** True for a spawnBlocking task: on the blocking pool, or its stand-in in simulation. */
    private static boolean isBlocking(Task<?> task) {
        return task.isBlocking() || SIMULATED_BLOCKING.isBound();
    }

    static <T> T call(Callable<T> body) {
        try {
            return body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Runs {@code body} where it may block its thread (file I/O, long computations): on a
     * pool of platform threads bounded by {@code maxBlockingThreads}, or as a simulated task
     * with the same bound in simulation. Returns at once. On the pool, a body that has
     * started is not interrupted by {@link JoinHandle#abort()}: only suspension points see an abort.
     * On a runtime that is shut down the task ends cancelled, unrun, at once (as in Tokio).
     */
    public <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        return spawnBlocking(null, body);
    }

    /** {@link #spawnBlocking(Callable)} with a name for the task, which traces and failure reports show. */
    public <T> JoinHandle<T> spawnBlocking(String name, Callable<T> body) {
        String taskName = name == null ? "blocking" : name;
        if (closed) {
            return cancelledAtOnce(newTask(taskName, body, true));
        }
        if (simulatedBlockingSlots != null) {
            BlockingSlots slots = simulatedBlockingSlots;
            Task<T> task = newTask(taskName, () -> {
                slots.acquire();
                try {
                    return ScopedValue.where(SIMULATED_BLOCKING, Boolean.TRUE).call(body::call);
                } finally {
                    slots.release();
                }
            }, false);
            start(task);
            return new JoinHandle<>(task);
        }
        Task<T> task = newTask(taskName, body, true);
        alive.add(task);
        blockingPool.submit(task);
        return new JoinHandle<>(task);
    }

    /**
     * Runs {@code body} as a task and waits for its value, driving the runtime meanwhile.
     * Unchecked exceptions of the body come out as they are, checked ones wrapped in
     * {@link CompletionException}. Call it from outside every task, or where blocking is
     * allowed: a {@code spawnBlocking} body, or inside {@link Heddle#blockInPlace}.
     *
     * @throws IllegalStateException when called from inside a Heddle task elsewhere
     */
    public <T> T blockOn(Callable<T> body) {
        Task<?> inside = Task.current();
        if (inside != null && !mayBlock(inside)) {
            throw new IllegalStateException("blockOn called from inside task " + inside
                    + ": a task cannot block the carrier it runs on; spawn the work and join() it instead, or, on a"
                    + " multi-thread runtime, wrap the blocking call in Heddle.blockInPlace(() -> ...)");
        }
        if (closed) {
            throw new IllegalStateException("blockOn called on a runtime that is shut down: it has no threads left"
                    + " to run the body's tasks; build a new runtime, or use handle().blockOn(body), which runs the"
                    + " body on the calling thread");
        }
        Task<T> root = newTask("main", () -> ScopedValue.where(BLOCK_ON_BODY, Boolean.TRUE).call(body::call), false);
        start(root);
        carrier.drive(root);
        try {
            return JoinHandle.outcome(root);
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
    List<Task<?>> aliveTasks() {
        return alive.snapshot();
    }

    /**
     * Every task of this runtime that has not ended, with its name, id, state (running, ready,
     * waiting and on what) and stack (Tokio's {@code Handle::dump}); {@link TaskDump#toString()}
     * prints it. Callable from any thread, inside the runtime's tasks or outside; the calling task
     * is in the dump as {@link TaskDump.State#RUNNING}. In simulation the dump is the same for a
     * seed. Reading the stack of a ready task makes the JDK queue it again (it may have run
     * meanwhile), so a dump is also a scheduling event: in simulation a run that takes one may
     * order its later steps differently from one that does not, the same way for every rerun.
     */
    public TaskDump dump() {
        return TaskDumper.of(alive.snapshot());
    }

    /**
     * Waits until this runtime's process is asked to shut down (Tokio's {@code signal::ctrl_c}):
     * SIGINT or SIGTERM on a real runtime, {@code Sim.sendCtrlCAfter} in simulation. Returns on
     * the first signal after the call. A suspension point.
     *
     * <p>On a real runtime the first call registers a JVM shutdown hook for this runtime. When the
     * signal comes the JVM has begun to exit; the hook wakes the waiting tasks and holds the exit
     * until the program has closed this runtime (its graceful shutdown), for at most
     * {@link RuntimeBuilder#shutdownGracePeriod(Duration)}. Tokio's process instead goes on until
     * its program returns, for as long as it takes.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes first
     */
    public void ctrlC() {
        SelectableOp.await(ctrlCOp());
    }

    /**
     * {@link #ctrlC()} as an op for a select: it listens from the moment it is made, so a signal
     * that comes before the select waits is not missed.
     */
    public SelectableOp<Void> ctrlCOp() {
        return ctrlC.listen();
    }

    /** Threads of the blocking pool alive now (0 in simulation). */
    public int blockingThreads() {
        return blockingPool == null ? 0 : blockingPool.threads();
    }

    /**
     * What the runtime is doing: workers, tasks alive, blocking threads, and for a
     * multi-thread runtime each worker's polls, steals, LIFO hits, queue depths and parks.
     */
    public RuntimeMetrics metrics() {
        int blocking = blockingThreads();
        // Ended first: a task counted ended was spawned before, so alive never goes below 0.
        long ended = alive.ended();
        long spawned = ids.get();
        int aliveNow = (int) (spawned - ended);
        if (carrier instanceof WorkerPoolCarrier pool) {
            WorkStealingScheduler s = pool.scheduler();
            return new RuntimeMetrics(s.workers(), spawned, ended, aliveNow, blocking, s.remoteSchedules(),
                    s.injectionQueueDepth(), s.workerMetrics());
        }
        return new RuntimeMetrics(1, spawned, ended, aliveNow, blocking, 0, 0, List.of());
    }

    /**
     * Aborts every task still alive, lets them run their {@code finally} blocks, and releases
     * the runtime's threads; {@link #shutdown(Duration)} without a time limit.
     *
     * @throws IllegalStateException inside a task, which would wait there (see {@link #shutdown(Duration)})
     */
    @Override
    public void close() {
        shutdown(null);
    }

    /**
     * Aborts every task still alive, waits up to {@code timeout} for them to end (their
     * {@code finally} blocks run), then releases the runtime's threads (Tokio's
     * {@code shutdown_timeout}). Null waits without limit.
     *
     * @return true when every task ended in time; false when some were left behind, such as
     *     a task that never reaches a suspension point (blocking tasks are not waited for)
     * @throws IllegalStateException inside a task (other than in {@link Heddle#blockInPlace} or a
     *     spawnBlocking body) with a timeout that is not zero, or null: that task would wait
     *     for others there, as Tokio refuses to drop a runtime in an async context; zero is
     *     Tokio's {@code shutdown_background} and works anywhere
     */
    public boolean shutdown(Duration timeout) {
        if (closed) {
            return alive.ended() == ids.get();
        }
        Task<?> inside = Task.current();
        if (inside != null && !mayBlock(inside) && (timeout == null || timeout.isPositive())) {
            throw new IllegalStateException("Cannot drop a runtime in a context where blocking is not allowed: "
                    + (timeout == null ? "close()" : "shutdown(" + timeout + ")") + " called inside task " + inside
                    + ", which would wait there for the runtime's tasks to end; call shutdown(Duration.ZERO), which"
                    + " does not wait, or close the runtime in Heddle.blockInPlace, a spawnBlocking body or outside"
                    + " every task");
        }
        closed = true;
        boolean ended = true;
        List<Task<?>> left = aliveTasks();
        if (!left.isEmpty()) {
            for (Task<?> t : left) {
                t.cancel();
            }
            Callable<Boolean> awaitAll = () -> {
                for (Task<?> t : left) {
                    if (!t.isBlocking() && !t.isDone() && t.thread() != Thread.currentThread()) {
                        new JoinHandle<>(t).awaitEnd();
                    }
                }
                return true;
            };
            Task<Boolean> cleanup = newTask("shutdown", timeout == null ? awaitAll : () -> {
                try {
                    return clock.timeout(timeout, awaitAll);
                } catch (Elapsed e) {
                    return false;
                }
            }, false);
            start(cleanup);
            carrier.drive(cleanup);
            ended = JoinHandle.outcome(cleanup);
        }
        if (blockingPool != null) {
            blockingPool.close();
        }
        carrier.close();
        ctrlC.runtimeClosed();
        return ended;
    }

    /** A new task on the node of the calling task (see {@link #inheritedNode()}), not yet started. */
    private <T> Task<T> newTask(String name, Callable<T> body, boolean blocking) {
        return newTask(name, body, blocking, inheritedNode());
    }

    private <T> Task<T> newTask(String name, Callable<T> body, boolean blocking, Node node) {
        long id = ids.incrementAndGet();
        return new Task<>(id, name == null ? (blocking ? "blocking" : "task") : name, this, carrier, node, alive, body,
                blocking);
    }

    /**
     * The node of the calling task when it is one of this runtime's, so that what a host's task
     * spawns stays on the host; the carrier's {@link Carrier#defaultNode()} otherwise.
     */
    private Node inheritedNode() {
        Task<?> parent = Task.current();
        return parent != null && parent.runtime() == this ? parent.node() : defaultNode;
    }

    /**
     * Starts the task's virtual thread, named with the task's name but not its id: building a
     * {@code "name#id"} string for every spawn costs a measurable share of a spawn, and the
     * JDK's own executor leaves virtual threads unnamed. Thread dumps so show which kind of
     * task each thread runs; reports name tasks by {@link Task#toString()}, which has the id,
     * and the simulator renames its threads that way (see {@link Carrier#taskSpawned}).
     */
    private void start(Task<?> task) {
        start(task, threads);
    }

    /** {@link #start(Task)} on a thread of {@code factory}: the runtime's, or {@link Carrier#localThreads}. */
    private void start(Task<?> task, ThreadFactory factory) {
        Thread thread = factory.newThread(task);
        thread.setName(task.name());
        task.bind(thread);
        alive.add(task);
        carrier.taskSpawned(task);
        thread.start();
    }

    /**
     * A task spawned on a runtime that is shut down: it ends cancelled, unrun, before the spawn
     * returns (Tokio's spawn on a shut-down runtime), so that code racing a shutdown need not
     * catch an exception at every spawn; its join fails as cancelled.
     */
    private <T> JoinHandle<T> cancelledAtOnce(Task<T> task) {
        alive.add(task);
        task.cancel();
        task.run();
        return new JoinHandle<>(task);
    }

    static Callable<Void> asCallable(Runnable body) {
        return () -> {
            body.run();
            return null;
        };
    }
}
