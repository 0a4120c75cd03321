package dev.heddle.runtime.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * How long each task waited to run after it was scheduled (spawned or woken), for a runtime built
 * with {@code trackTaskScheduleLatency()} (Tokio's {@code track_task_schedule_latency}): the
 * latency its poll hooks are told.
 *
 * <p>The runtime hands its carrier to the JDK through {@link #recording(Executor)}, which notes
 * the time of every submission of a task's virtual thread; the task's next start or resumption
 * takes the note ({@link #pollStarting}) and keeps the latency until that poll ends
 * ({@link #pollEnded}). Finding the thread of a submission costs a reflective read, so only a
 * runtime that asks for latencies pays it.
 */
public final class ScheduleLatencies {
    /** By virtual thread: when it was last submitted to run and has not run since. */
    private final ConcurrentHashMap<Thread, Long> scheduledAt = new ConcurrentHashMap<>();
    /** By virtual thread: the latency of the poll it is in now. */
    private final ConcurrentHashMap<Thread, Duration> current = new ConcurrentHashMap<>();

    /** {@code carrier}, noting the time of each submission before passing it on. */
    public Executor recording(Executor carrier) {
        return continuation -> {
            Thread thread = VirtualThreads.threadOf(continuation);
            if (thread != null) {
                scheduledAt.putIfAbsent(thread, System.nanoTime());
            }
            carrier.execute(continuation);
        };
    }

    /** Called on a task's thread as it starts or resumes: the latency of this poll, or null if unknown. */
    Duration pollStarting() {
        Thread me = Thread.currentThread();
        Long at = scheduledAt.remove(me);
        if (at == null) {
            current.remove(me);
            return null;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - at);
        current.put(me, latency);
        return latency;
    }

    /** Called on a task's thread as its poll ends: the latency {@link #pollStarting} found, or null. */
    Duration pollEnded() {
        return current.remove(Thread.currentThread());
    }
}
