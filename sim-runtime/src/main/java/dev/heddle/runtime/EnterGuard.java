package dev.heddle.runtime;

import java.util.ArrayDeque;

/**
 * Makes a runtime the current one of a thread that is no task of it, until closed (Tokio's
 * {@code Runtime::enter}): there {@link Handle#current()}, {@link HeddleRuntime#current()} and
 * so {@link Heddle#spawn} reach that runtime, so code written for tasks can hand work to a
 * runtime from a plain thread. Guards nest, and close in the reverse order of entering.
 *
 * <pre>{@code
 * try (EnterGuard entered = rt.enter()) {
 *     Heddle.spawn(() -> serve());
 * }
 * }</pre>
 */
public final class EnterGuard implements AutoCloseable {
    /** The runtimes each thread entered, innermost first; empty on most threads. */
    private static final ThreadLocal<ArrayDeque<EnterGuard>> ENTERED = ThreadLocal.withInitial(ArrayDeque::new);

    private final HeddleRuntime runtime;
    private final Thread thread;
    private boolean closed;

    private EnterGuard(HeddleRuntime runtime) {
        this.runtime = runtime;
        this.thread = Thread.currentThread();
    }

    static EnterGuard enter(HeddleRuntime runtime) {
        EnterGuard guard = new EnterGuard(runtime);
        ENTERED.get().push(guard);
        return guard;
    }

    /** The runtime the calling thread entered last and has not left, or null. */
    static HeddleRuntime entered() {
        EnterGuard top = ENTERED.get().peek();
        return top == null ? null : top.runtime;
    }

    /**
     * Leaves the runtime: the thread's current runtime is again the one entered before.
     *
     * @throws IllegalStateException when closed on another thread than the one that entered, or
     *     before a guard entered after this one (Tokio: guards must be dropped in the reverse
     *     order they were acquired); the guard then stays open
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("an EnterGuard of runtime " + runtime.id() + " is closed on "
                    + Thread.currentThread() + ", not on " + thread + " which entered it: close it where it was"
                    + " entered, with try-with-resources");
        }
        ArrayDeque<EnterGuard> entered = ENTERED.get();
        if (entered.peek() != this) {
            throw new IllegalStateException("EnterGuards closed out of order: the guard of runtime " + runtime.id()
                    + " is closed while the one of runtime " + entered.peek().runtime.id() + ", entered after it, is"
                    + " still open; close guards in the reverse order of enter(), as try-with-resources does");
        }
        entered.pop();
        closed = true;
    }
}
