package dev.heddle.net.internal.socket;

import java.io.IOException;
import java.io.OutputStream;

/** A simulated socket's output, as {@code Socket.getOutputStream()} wraps it: every write is sent whole. */
final class SimSocketOutputStream extends OutputStream {
    private final SimSocketImpl socket;

    SimSocketOutputStream(SimSocketImpl socket) {
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        socket.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] from, int offset, int length) throws IOException {
        socket.write(from, offset, length);
    }

    /** Closes the socket, as the JDK's socket streams do. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
