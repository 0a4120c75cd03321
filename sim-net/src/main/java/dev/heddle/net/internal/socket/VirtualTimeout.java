package dev.heddle.net.internal.socket;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.time.TimeDriver;
import dev.heddle.time.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waiting for one op of a simulated socket for at most a number of milliseconds of the run's
 * virtual clock: {@code SO_TIMEOUT} and {@code Socket.connect(address, timeout)}. The timeout is
 * a timer of the simulation, so an hour of {@code SO_TIMEOUT} passes in no real time, and the
 * run's seed decides whether the op or the timer comes first. An op that loses to the timer has
 * taken nothing (no byte, no connection), as every network op given up.
 */
final class VirtualTimeout {
    private static final int OP = 0;
    private static final int TIMER = 1;

    private VirtualTimeout() {}

    /**
     * {@code op}'s result; waits for ever when {@code millis} is 0.
     *
     * @throws SocketTimeoutException made by {@code timedOut} when {@code millis} pass first
     * @throws IOException the failure the op reports
     */
    static <T> T await(SelectableOp<T> op, TimeDriver time, int millis, Supplier<SocketTimeoutException> timedOut)
            throws IOException {
        try {
            if (millis == 0) {
                return SelectableOp.await(op);
            }
            return awaitAtMost(op, time, TimeUnit.MILLISECONDS.toNanos(millis), timedOut);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static <T> T awaitAtMost(SelectableOp<T> op, TimeDriver time, long nanos,
            Supplier<SocketTimeoutException> timedOut) throws SocketTimeoutException {
        if (op.tryNow()) {
            return op.result();
        }
        Waiter waiter = new Waiter();
        Timer timer = null;
        int branch;
        try {
            op.enqueue(waiter, OP);
            if (waiter.isWaiting()) {
                timer = time.schedule(time.now() + nanos, () -> {
                    if (waiter.tryClaim(TIMER)) {
                        waiter.wake();
                    }
                });
            }
            branch = waiter.awaitClaim();
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            op.dequeue();
        }
        if (branch == TIMER) {
            throw timedOut.get();
        }
        return op.result();
    }
}
