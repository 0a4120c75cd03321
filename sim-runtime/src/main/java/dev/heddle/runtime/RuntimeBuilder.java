package dev.heddle.runtime;

import dev.heddle.runtime.internal.CurrentThreadCarrier;
import dev.heddle.runtime.internal.WorkerPoolCarrier;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link HeddleRuntime}. Invalid settings fail at {@link #build()} with an
 * {@link IllegalArgumentException} that names the setting and the value.
 */
public final class RuntimeBuilder {
    /** Tokio's default bound on blocking threads. */
    public static final int DEFAULT_MAX_BLOCKING_THREADS = 512;
    /** Tokio's default keep-alive of an idle blocking thread. */
    public static final Duration DEFAULT_BLOCKING_KEEP_ALIVE = Duration.ofSeconds(10);

    private final boolean multiThread;
    private Integer workerThreads;
    private int maxBlockingThreads = DEFAULT_MAX_BLOCKING_THREADS;
    private Duration blockingKeepAlive = DEFAULT_BLOCKING_KEEP_ALIVE;
    private String threadName = "heddle";
    private Runnable onThreadStart = () -> {};
    private Runnable onThreadStop = () -> {};

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
        if (threadName == null || threadName.isBlank()) {
            throw new IllegalArgumentException("threadName must not be blank, was '" + threadName + "'");
        }
        if (!multiThread) {
            if (workerThreads != null) {
                throw new IllegalArgumentException("workerThreads applies to multiThread() runtimes only, was set to "
                        + workerThreads + " on a currentThread() builder");
            }
            return new HeddleRuntime(new CurrentThreadCarrier(threadName), maxBlockingThreads, blockingKeepAlive, threadName,
                    onThreadStart, onThreadStop);
        }
        int workers = workerThreads == null ? java.lang.Runtime.getRuntime().availableProcessors() : workerThreads;
        if (workers < 1 || workers > 32767) {
            throw new IllegalArgumentException("workerThreads must be between 1 and 32767, was " + workers);
        }
        return new HeddleRuntime(new WorkerPoolCarrier(workers, threadName, onThreadStart, onThreadStop),
                maxBlockingThreads, blockingKeepAlive, threadName, onThreadStart, onThreadStop);
    }
}
