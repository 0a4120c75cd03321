package dev.heddle.net;

import java.io.IOException;
import java.io.OutputStream;

/** {@link TcpStream#outputStream()}: every write writes all its bytes, waiting as the stream's own do. */
final class TcpOutputStream extends OutputStream {
    private final TcpStream stream;

    TcpOutputStream(TcpStream stream) {
        this.stream = stream;
    }

    @Override
    public void write(int b) throws IOException {
        stream.writeAll(new byte[] {(byte) b});
    }

    @Override
    public void write(byte[] from, int offset, int length) throws IOException {
        stream.writeAll(from, offset, length);
    }

    @Override
    public void flush() throws IOException {
        stream.flush();
    }

    /** Closes the whole stream, as {@code Socket.getOutputStream().close()} does. */
    @Override
    public void close() throws IOException {
        stream.close();
    }
}
