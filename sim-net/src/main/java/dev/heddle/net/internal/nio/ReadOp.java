package dev.heddle.net.internal.nio;

import java.io.IOException;

/**
 * One read: copies pulled bytes into the caller's array when it commits, so a read that never
 * commits has taken none. Its result is the count, or -1 once the stream has ended.
 */
final class ReadOp extends InboundOp<Integer> {
    private final NioStream stream;
    private final byte[] into;
    private final int offset;
    private final int length;
    private int count;

    ReadOp(NioStream stream, byte[] into, int offset, int length) {
        super(stream);
        this.stream = stream;
        this.into = into;
        this.offset = offset;
        this.length = length;
    }

    @Override
    void takeLocked() {
        count = stream.takeBytesLocked(into, offset, length);
        if (count > 0) {
            return;
        }
        IOException failure = stream.readFailureLocked();
        if (failure != null) {
            failLocked("read from", failure);
        } else {
            count = -1;
        }
    }

    @Override
    Integer value() {
        return count;
    }
}
