package dev.heddle.net.internal.channel;

import java.nio.ByteBuffer;

/**
 * A slice {@code buffers[offset, offset + length)} of a scattering read's or gathering write's
 * buffers as one run of bytes, since sim-net reads and writes byte arrays: the buffers are
 * filled, copied and advanced in order, each up to its remaining bytes, as the JDK's channels
 * take them. The caller has checked the slice's bounds.
 */
final class ScatterGather {
    private ScatterGather() {}

    /** The bytes remaining in the slice's buffers together. */
    static long remaining(ByteBuffer[] buffers, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += buffers[i].remaining();
        }
        return total;
    }

    /** The remaining bytes of the slice's buffers in one array, leaving their positions where they are. */
    static byte[] copied(ByteBuffer[] srcs, int offset, int length) {
        byte[] bytes = new byte[Math.toIntExact(remaining(srcs, offset, length))];
        for (int i = offset, done = 0; i < offset + length; i++) {
            int n = srcs[i].remaining();
            srcs[i].duplicate().get(bytes, done, n);
            done += n;
        }
        return bytes;
    }

    /** Moves the slice's positions past {@code count} bytes, as a write of that many takes them. */
    static void advance(ByteBuffer[] srcs, int offset, int length, int count) {
        for (int i = offset, left = count; i < offset + length && left > 0; i++) {
            int n = Math.min(srcs[i].remaining(), left);
            srcs[i].position(srcs[i].position() + n);
            left -= n;
        }
    }

    /**
     * Puts the first {@code count} bytes of {@code from} into the slice's buffers in order; returns
     * how many fit (fewer than {@code count} when the buffers are full first; none when it is -1).
     */
    static int scatter(byte[] from, int count, ByteBuffer[] dsts, int offset, int length) {
        int done = 0;
        for (int i = offset; i < offset + length && done < count; i++) {
            int n = Math.min(dsts[i].remaining(), count - done);
            dsts[i].put(from, done, n);
            done += n;
        }
        return done;
    }
}
