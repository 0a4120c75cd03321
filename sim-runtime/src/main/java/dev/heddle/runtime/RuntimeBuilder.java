package dev.heddle.runtime;

import dev.heddle.runtime.internal.CurrentThreadCarrier;
import dev.heddle.runtime.internal.ScheduleLatencies;
import dev.heddle.runtime.internal.TaskHooks;
import dev.heddle.runtime.internal.WorkerPoolCarrier;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures a {@link HeddleRuntime}. Invalid settings fail at {@link #build()} with an
 * {@link IllegalArgumentException} that names the setting and the value.
 */
public final class RuntimeBuilder {
    /** Tokio's default bound on blocking threads. */
    public static final int DEFAULT_MAX_BLOCKING_THREADS = 512;
    /** Tokio's default keep-alive of an idle blocking thread. */
    public static final Duration DEFAULT_BLOCKING_KEEP_ALIVE = Duration.ofSeconds(10);
    /** How long a JVM exit waits for a runtime with ctrl-c listeners to be closed, unless set: Kubernetes' default. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(30);

    private final boolean multiThread;
    private Integer workerThreads;
    private int maxBlockingThreads = DEFAULT_MAX_BLOCKING_THREADS;
    private Duration blockingKeepAlive = DEFAULT_BLOCKING_KEEP_ALIVE;
    private String threadName = "heddle";
    private Runnable onThreadStart = () -> {};
    private Runnable onThreadStop = () -> {};
    private Consumer<TaskMeta> onTaskSpawn;
    private Consumer<TaskMeta> onTaskTerminate;
    private Consumer<TaskMeta> onBeforeTaskPoll;
    private Consumer<TaskMeta> onAfterTaskPoll;
    private Duration shutdownGracePeriod = DEFAULT_SHUTDOWN_GRACE_PERIOD;
    private boolean trackTaskScheduleLatency;

    RuntimeBuilder(boolean multiThread) {
        this.multiThread = multiThread;
    }

    /** Worker threads of a multi-thread runtime; defaults to the number of available processors. */
    public RuntimeBuilder workerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
        return this;
    }

    /** The most blocking tasks that run at once; more wait their turn. Default 512. */
    public RuntimeBuilder maxBlockingThreads(int maxBlockingThreads) {
        this.maxBlockingThreads = maxBlockingThreads;
        return this;
    }

    /**
     * How long a blocking thread waits idle for more work before it ends (Tokio's
     * {@code thread_keep_alive}). Default 10 seconds; must be positive.
     */
    public RuntimeBuilder blockingKeepAlive(Duration keepAlive) {
        this.blockingKeepAlive = keepAlive;
        return this;
    }

    /** Prefix of the names of the threads this runtime starts. Default {@code heddle}. */
    public RuntimeBuilder threadName(String threadName) {
        this.threadName = threadName;
        return this;
    }

    /** Runs on each worker and blocking thread when it starts. */
    public RuntimeBuilder onThreadStart(Runnable hook) {
        this.onThreadStart = Objects.requireNonNull(hook, "onThreadStart");
        return this;
    }

    /** Runs on each worker and blocking thread before it stops. */
    public RuntimeBuilder onThreadStop(Runnable hook) {
        this.onThreadStop = Objects.requireNonNull(hook, "onThreadStop");
        return this;
    }

    /**
     * Runs on the spawning thread each time a task is spawned, before it starts (Tokio's
     * {@code on_task_spawn}); {@link TaskMeta#spawnedAt()} is the line that spawned it. Hooks run
     * inline on the runtime's hot paths: keep them short, and never let them throw or wait.
     * A runtime with any task hook finds each task's spawn line, a stack walk per spawn.
     */
    public RuntimeBuilder onTaskSpawn(Consumer<TaskMeta> hook) {
        this.onTaskSpawn = Objects.requireNonNull(hook, "onTaskSpawn");
        return this;
    }

    /**
     * Runs on a task's thread once it has ended (returned, failed, or was cancelled, also before it
     * ever ran), before a joiner can see its outcome (Tokio's {@code on_task_terminate}). Keep it
     * short, as {@link #onTaskSpawn}.
     */
    public RuntimeBuilder onTaskTerminate(Consumer<TaskMeta> hook) {
        this.onTaskTerminate = Objects.requireNonNull(hook, "onTaskTerminate");
        return this;
    }

    /**
     * Runs on a task's thread each time it starts running or resumes after a suspension point
     * (Tokio's {@code on_before_task_poll}: a Heddle task's "poll" is what it runs between two
     * suspension points). Every call is matched by one of {@link #onAfterTaskPoll}'s.
     */
    public RuntimeBuilder onBeforeTaskPoll(Consumer<TaskMeta> hook) {
        this.onBeforeTaskPoll = Objects.requireNonNull(hook, "onBeforeTaskPoll");
        return this;
    }

    /** Runs on a task's thread each time it suspends and when its body ends (Tokio's {@code on_after_task_poll}). */
    public RuntimeBuilder onAfterTaskPoll(Consumer<TaskMeta> hook) {
        this.onAfterTaskPoll = Objects.requireNonNull(hook, "onAfterTaskPoll");
        return this;
    }

    /**
     * Measures how long each task waits to run after it was spawned or woken, and tells the poll
     * hooks ({@link TaskMeta#scheduleLatency()} in {@link #onBeforeTaskPoll} and
     * {@link #onAfterTaskPoll}; Tokio's {@code track_task_schedule_latency}). Off by default: it
     * costs a clock read and a map update per wake-up.
     */
    public RuntimeBuilder trackTaskScheduleLatency() {
        this.trackTaskScheduleLatency = true;
        return this;
    }

    /**
     * How long the JVM's exit, once SIGINT or SIGTERM started it, waits for the program to close
     * this runtime when a task listens for the signal ({@link HeddleRuntime#ctrlC()}). Default 30
     * seconds; must be positive.
     */
    public RuntimeBuilder shutdownGracePeriod(Duration gracePeriod) {
        this.shutdownGracePeriod = gracePeriod;
        return this;
    }

    /**
     * A new runtime with these settings; a multi-thread one starts its workers now, so close
     * the runtime when done.
     *
     * @throws IllegalArgumentException when a setting is out of range or does not apply to this
     *     kind of runtime, naming it and its value
     */
    public HeddleRuntime build() {
        if (maxBlockingThreads < 1) {
            throw new IllegalArgumentException("maxBlockingThreads must be at least 1, was " + maxBlockingThreads);
        }
        if (blockingKeepAlive == null || !blockingKeepAlive.isPositive()) {
            throw new IllegalArgumentException("blockingKeepAlive must be a positive duration, was " + blockingKeepAlive
                    + "; it is how long an idle blocking thread waits for more work, e.g. Duration.ofSeconds(10)");
        }
        if (shutdownGracePeriod == null || !shutdownGracePeriod.isPositive()) {
            throw new IllegalArgumentException("shutdownGracePeriod must be a positive duration, was "
                    + shutdownGracePeriod + "; it is how long a JVM exit waits for the runtime to be closed,"
                    + " e.g. Duration.ofSeconds(30)");
        }
        if (threadName == null || threadName.isBlank()) {
            throw new IllegalArgumentException("threadName must not be blank, was '" + threadName + "'");
        }
        if (!multiThread) {
            if (workerThreads != null) {
                throw new IllegalArgumentException("workerThreads applies to multiThread() runtimes only, was set to "
                        + workerThreads + " on a currentThread() builder");
            }
            return new HeddleRuntime(new CurrentThreadCarrier(threadName), maxBlockingThreads, blockingKeepAlive, threadName,
                    onThreadStart, onThreadStop, hooks(), shutdownGracePeriod);
        }
        int workers = workerThreads == null ? java.lang.Runtime.getRuntime().availableProcessors() : workerThreads;
        if (workers < 1 || workers > 32767) {
            throw new IllegalArgumentException("workerThreads must be between 1 and 32767, was " + workers);
        }
        return new HeddleRuntime(new WorkerPoolCarrier(workers, threadName, onThreadStart, onThreadStop),
                maxBlockingThreads, blockingKeepAlive, threadName, onThreadStart, onThreadStop, hooks(),
                shutdownGracePeriod);
    }

    private TaskHooks hooks() {
        return new TaskHooks(onTaskSpawn, onTaskTerminate, onBeforeTaskPoll, onAfterTaskPoll,
                trackTaskScheduleLatency ? new ScheduleLatencies() : null).orNull();
    }
}
