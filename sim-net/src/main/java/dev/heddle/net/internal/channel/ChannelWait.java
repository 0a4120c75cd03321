package dev.heddle.net.internal.channel;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.select.Select;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a simulated channel blocks: on a sim-net op, optionally against a second op that ends the
 * wait with another value (a shut-down input), and optionally against a virtual-time limit (an
 * adaptor's {@code SO_TIMEOUT}, a connect timeout). A closed outcome is the op's result here, not
 * a branch to drop as a {@code Select} would, so a channel closed by another task ends the wait.
 */
final class ChannelWait {
    private ChannelWait() {}

    /**
     * Waits for {@code op}, or for {@code end} (if not null), whose completion makes the wait
     * return {@code endValue}; when {@code limitMillis} is positive and passes first, throws
     * {@code timedOut}'s exception. I/O failures of the op come out as the IOException they are.
     */
    static <T> T await(SelectableOp<T> op, SelectableOp<?> end, T endValue, int limitMillis,
            Supplier<? extends IOException> timedOut) throws IOException {
        try {
            if (end == null && limitMillis <= 0) {
                return SelectableOp.await(op);
            }
            // A socket closed under the waiting task ends the wait: the op's closed outcome is its result.
            Select<T> select = Select.<T>select().biased().on(op.orClosed(), v -> v.orElseGet(op::result));
            if (end != null) {
                select.on(end, ignored -> endValue);
            }
            if (limitMillis > 0) {
                select.sleep(Duration.ofMillis(limitMillis), () -> {
                    throw new UncheckedIOException(timedOut.get());
                });
            }
            return select.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
