package dev.heddle.net;

import dev.heddle.runtime.SelectableOp;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Waiting for one network op, for the blocking methods of this package. A network op reports
 * an I/O failure from {@code result()} inside an {@link UncheckedIOException}, since
 * {@link SelectableOp#result()} cannot throw a checked one; here it comes out as the
 * {@link IOException} it is.
 */
final class IoWait {
    private IoWait() {}

    static <T> T await(SelectableOp<T> op) throws IOException {
        try {
            return SelectableOp.await(op);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
