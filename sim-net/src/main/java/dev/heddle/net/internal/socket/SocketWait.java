package dev.heddle.net.internal.socket;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.sim.HostClock;
import dev.heddle.time.TimeDriver;
import dev.heddle.time.Timer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waiting for one op of a simulated socket as the JDK's sockets wait on a virtual thread: for
 * at most a number of milliseconds on the host's clock ({@code SO_TIMEOUT}, a connect timeout),
 * and until the thread is interrupted. A real host times its sockets out by its own clock, so a
 * simulated one does too (with the host's drift, as {@code Heddle.sleep} on the host); the
 * timeout is a timer of the simulation, so an hour of {@code SO_TIMEOUT} passes in no real time,
 * and the run decides whether the op or the timer comes first. An op that loses to the timer or
 * to an interrupt has taken nothing (no byte, no connection), as every network op given up. The
 * wait is a Heddle suspension point: an abort of the task ends it with a
 * {@link CancellationException}.
 */
final class SocketWait {
    private static final int OP = 0;
    private static final int TIMER = 1;
    /** What {@link #claimedUnlessInterrupted} returns when an interrupt ended the wait. */
    private static final int INTERRUPTED = -1;

    private final TimeDriver time;
    private final HostClock clock;

    /** Waits timed on {@code clock} (a host's; {@link HostClock#EXACT} off every host) over the run's {@code time}. */
    SocketWait(TimeDriver time, HostClock clock) {
        this.time = time;
        this.clock = clock;
    }

    /**
     * {@code op}'s result; waits for ever when {@code millis} is 0 ({@code timedOut} is then not used).
     *
     * @throws SocketTimeoutException made by {@code timedOut} when {@code millis} pass first
     * @throws InterruptedIOException when the thread is interrupted, before or while it waits; the
     *     interrupt stays set
     * @throws IOException the failure the op reports
     */
    <T> T await(SelectableOp<T> op, int millis, Supplier<SocketTimeoutException> timedOut) throws IOException {
        try {
            if (op.tryNow()) {
                return op.result();
            }
            // An op that is a queue node made by this thread is its own waiter, as in SelectableOp.await: reports
            // then name what the task waits on.
            Waiter waiter = op instanceof WaitQueue.Node<?> node && node.isForCallingThread() && node.waiter() == null
                    ? node : new Waiter();
            Timer timer = null;
            int branch;
            try {
                op.enqueue(waiter, OP);
                if (millis > 0 && waiter.isWaiting()) {
                    long deadline = clock.trueTime(Math.addExact(clock.localTime(time.now()),
                            TimeUnit.MILLISECONDS.toNanos(millis)));
                    timer = time.schedule(deadline, () -> {
                        if (waiter.tryClaim(TIMER)) {
                            waiter.wake();
                        }
                    });
                }
                branch = claimedUnlessInterrupted(waiter);
            } finally {
                if (timer != null) {
                    timer.cancel();
                }
                op.dequeue();
            }
            if (branch == TIMER) {
                throw timedOut.get();
            }
            if (branch == INTERRUPTED) {
                throw new InterruptedIOException("interrupted while waiting on the simulated network");
            }
            return op.result();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The branch that claimed {@code waiter}, once it has committed; {@link #INTERRUPTED} when the
     * thread was interrupted first. An interrupted thread's park returns at once, so the interrupt
     * is checked before each park, as the JDK's socket waits check it.
     */
    private static int claimedUnlessInterrupted(Waiter waiter) {
        while (waiter.isWaiting()) {
            if (Thread.currentThread().isInterrupted()) {
                if (waiter.abandon()) {
                    return INTERRUPTED;
                }
                break;
            }
            try {
                Suspension.park(waiter);
            } catch (CancellationException e) {
                if (waiter.abandon()) {
                    throw e;
                }
                // Claimed meanwhile: the op commits; the abort is delivered at the next suspension point.
            }
        }
        waiter.awaitDespiteCancellation();
        return waiter.claimedBranch();
    }
}
