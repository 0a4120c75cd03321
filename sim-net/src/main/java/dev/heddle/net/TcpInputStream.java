package dev.heddle.net;

import java.io.IOException;
import java.io.InputStream;

/** {@link TcpStream#inputStream()}: reads wait and end as the stream's own do. */
final class TcpInputStream extends InputStream {
    private final TcpStream stream;

    TcpInputStream(TcpStream stream) {
        this.stream = stream;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return stream.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        return stream.read(into, offset, length);
    }

    /** Closes the whole stream, as {@code Socket.getInputStream().close()} does. */
    @Override
    public void close() throws IOException {
        stream.close();
    }
}
