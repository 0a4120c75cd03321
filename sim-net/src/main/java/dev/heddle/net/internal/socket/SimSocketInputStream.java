package dev.heddle.net.internal.socket;

import java.io.IOException;
import java.io.InputStream;

/** A simulated socket's input, wrapped by {@code Socket.getInputStream()}: reads wait as {@link SimSocketImpl#read}. */
final class SimSocketInputStream extends InputStream {
    private final SimSocketImpl socket;

    SimSocketInputStream(SimSocketImpl socket) {
        this.socket = socket;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = socket.read(one, 0, 1);
        return n > 0 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        return socket.read(into, offset, length);
    }

    @Override
    public int available() throws IOException {
        return socket.available();
    }

    /** Closes the socket, as the JDK's socket streams do. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
