package dev.heddle.net.internal.nio;

/**
 * Waiting until a read of the stream would not wait. It commits when the inbox is ready (bytes
 * pulled, the end, or a failure a read will throw) and takes nothing from it.
 */
final class ReadableOp extends InboundOp<Void> {

    ReadableOp(NioStream stream) {
        super(stream);
    }

    @Override
    void takeLocked() {
        // Ready is all this op waits for; the bytes stay for the read that follows.
    }

    @Override
    Void value() {
        return null;
    }
}
