package dev.heddle.net.internal.socket;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.sim.HostClock;
import dev.heddle.time.TimeDriver;
import dev.heddle.time.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waiting for one op of a simulated socket for at most a number of milliseconds on its host's
 * clock, in virtual time: {@code SO_TIMEOUT} and {@code Socket.connect(address, timeout)}. A
 * real host times its sockets out by its own clock, so a simulated one does too (with the
 * host's drift, as {@code Heddle.sleep} on the host). The timeout is a timer of the simulation,
 * so an hour of {@code SO_TIMEOUT} passes in no real time, and the run decides whether the op
 * or the timer comes first. An op that loses to the timer has taken nothing (no byte, no
 * connection), as every network op given up.
 */
final class VirtualTimeout {
    private static final int OP = 0;
    private static final int TIMER = 1;

    private final TimeDriver time;
    private final HostClock clock;

    /** Timeouts on {@code clock} (a host's, or {@link HostClock#EXACT} off every host) over the run's {@code time}. */
    VirtualTimeout(TimeDriver time, HostClock clock) {
        this.time = time;
        this.clock = clock;
    }

    /**
     * {@code op}'s result; waits for ever when {@code millis} is 0.
     *
     * @throws SocketTimeoutException made by {@code timedOut} when {@code millis} pass first
     * @throws IOException the failure the op reports
     */
    <T> T await(SelectableOp<T> op, int millis, Supplier<SocketTimeoutException> timedOut) throws IOException {
        try {
            if (millis == 0) {
                return SelectableOp.await(op);
            }
            return awaitAtMost(op, TimeUnit.MILLISECONDS.toNanos(millis), timedOut);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private <T> T awaitAtMost(SelectableOp<T> op, long nanos, Supplier<SocketTimeoutException> timedOut)
            throws SocketTimeoutException {
        if (op.tryNow()) {
            return op.result();
        }
        Waiter waiter = new Waiter();
        Timer timer = null;
        int branch;
        try {
            op.enqueue(waiter, OP);
            if (waiter.isWaiting()) {
                long deadline = clock.trueTime(Math.addExact(clock.localTime(time.now()), nanos));
                timer = time.schedule(deadline, () -> {
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
