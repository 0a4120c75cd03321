package dev.heddle.runtime;

import dev.heddle.runtime.internal.Task;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A reference to a runtime that code can hold and pass on without owning the runtime (Tokio's
 * {@code runtime::Handle}): a library takes a handle to spawn onto the caller's runtime, a
 * thread outside every runtime keeps one to hand work in. Closing is the owner's business, so a
 * handle cannot close its runtime. Two handles of one runtime are equal, and have its
 * {@link #id()}.
 *
 * <pre>{@code
 * Handle handle = Handle.current();          // inside a task
 * new Thread(() -> handle.spawn(() -> work())).start();
 * }</pre>
 */
public final class Handle {
    private final HeddleRuntime runtime;

    Handle(HeddleRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * The handle of the runtime the calling task runs on.
     *
     * @throws IllegalStateException on a thread that is not a Heddle task and entered no runtime:
     *     pass the runtime's {@link HeddleRuntime#handle()} to such code instead
     */
    public static Handle current() {
        return tryCurrent().orElseThrow(() -> new IllegalStateException("Handle.current() called on thread "
                + Thread.currentThread() + ", which is not a Heddle task and entered no runtime, so there is no"
                + " current runtime: call it inside a task (HeddleRuntime.blockOn, a spawned task, a @SimTest"
                + " method), enter a runtime with runtime.enter(), or pass runtime.handle() to this code"));
    }

    /**
     * The handle of the calling task's runtime, or of the runtime the thread
     * {@link HeddleRuntime#enter() entered}; empty elsewhere (Tokio's {@code try_current}).
     */
    public static Optional<Handle> tryCurrent() {
        Task<?> task = Task.current();
        if (task != null) {
            return Optional.of(task.runtime().handle());
        }
        HeddleRuntime entered = EnterGuard.entered();
        return entered == null ? Optional.empty() : Optional.of(entered.handle());
    }

    /** {@link HeddleRuntime#enter()}: makes this handle's runtime the calling thread's current one until closed. */
    public EnterGuard enter() {
        return runtime.enter();
    }

    /** {@link HeddleRuntime#spawn(Callable)} on this handle's runtime, from any thread. */
    public <T> JoinHandle<T> spawn(Callable<T> body) {
        return runtime.spawn(body);
    }

    /** {@link HeddleRuntime#spawn(Runnable)} on this handle's runtime, from any thread. */
    public JoinHandle<Void> spawn(Runnable body) {
        return runtime.spawn(body);
    }

    /** {@link HeddleRuntime#spawn(String, Callable)} on this handle's runtime, from any thread. */
    public <T> JoinHandle<T> spawn(String name, Callable<T> body) {
        return runtime.spawn(name, body);
    }

    /** {@link HeddleRuntime#spawnBlocking(Callable)} on this handle's runtime, from any thread. */
    public <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        return runtime.spawnBlocking(body);
    }

    /**
     * Runs {@code body} on the calling thread, with this handle's runtime entered, and returns its
     * value (Tokio's {@code Handle::block_on}): the body waits on channels, locks and joins by
     * blocking this thread, and what it spawns goes to the runtime. Unlike
     * {@link HeddleRuntime#blockOn}, it does not drive the runtime: on a current-thread runtime,
     * tasks progress only while some thread is in that runtime's own {@code blockOn}. On a runtime
     * that is shut down, the body still runs, and what it spawns ends cancelled at once. Call it
     * from outside every task, from a {@code spawnBlocking} body, or inside
     * {@link Heddle#blockInPlace} to run async code from blocking code.
     *
     * @throws IllegalStateException inside any other task, whose thread carries other tasks; the
     *     message points to {@link Heddle#blockInPlace}
     * @throws java.util.concurrent.CompletionException wrapping a checked exception of the body
     */
    public <T> T blockOn(Callable<T> body) {
        Task<?> inside = Task.current();
        if (inside == null) {
            try (EnterGuard entered = runtime.enter()) {
                return HeddleRuntime.call(body);
            }
        }
        if (!HeddleRuntime.mayBlock(inside)) {
            throw new IllegalStateException("Cannot start a runtime from within a runtime: Handle.blockOn called from"
                    + " inside task " + inside + ", whose thread carries other tasks; spawn the work and join() it"
                    + " instead, or, on a multi-thread runtime, wrap the blocking call in"
                    + " Heddle.blockInPlace(() -> handle.blockOn(...))");
        }
        return HeddleRuntime.call(body);
    }

    /** {@link HeddleRuntime#metrics()} of this handle's runtime. */
    public RuntimeMetrics metrics() {
        return runtime.metrics();
    }

    /**
     * The runtime's id: the same for every handle of one runtime, different between runtimes
     * alive together (Tokio's {@code runtime::Id}).
     */
    public long id() {
        return runtime.id();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Handle h && h.runtime == runtime;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(runtime.id());
    }

    @Override
    public String toString() {
        return "Handle(runtime " + runtime.id() + ")";
    }
}
