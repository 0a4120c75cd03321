package dev.heddle.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * {@link TcpStream#channel()}: a blocking-mode channel, so a read waits for at least one byte
 * and a write writes every remaining byte, as {@code java.nio} promises for blocking channels.
 */
final class TcpByteChannel implements ByteChannel {
    private final TcpStream stream;

    TcpByteChannel(TcpStream stream) {
        this.stream = stream;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (!into.hasRemaining()) {
            return 0;
        }
        if (into.hasArray()) {
            int count = stream.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
            if (count > 0) {
                into.position(into.position() + count);
            }
            return count;
        }
        byte[] bytes = new byte[into.remaining()];
        int count = stream.read(bytes, 0, bytes.length);
        if (count > 0) {
            into.put(bytes, 0, count);
        }
        return count;
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        int length = from.remaining();
        if (from.hasArray()) {
            stream.writeAll(from.array(), from.arrayOffset() + from.position(), length);
            from.position(from.limit());
        } else {
            byte[] bytes = new byte[length];
            from.get(bytes);
            stream.writeAll(bytes, 0, length);
        }
        return length;
    }

    @Override
    public boolean isOpen() {
        return stream.isOpen();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
