package dev.heddle.net.internal.channel;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;

/**
 * The {@code SocketImpl} that {@link java.net.ServerSocket}'s constructor demands of the simulated
 * adaptor, which overrides every public method and so never calls it (the JDK's own adaptor
 * passes a dummy for the same reason). A call reaching it is a bug of the adaptor: it says so.
 */
final class NoSocketImpl extends SocketImpl {
    static final NoSocketImpl INSTANCE = new NoSocketImpl();

    private NoSocketImpl() {}

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the simulated ServerSocket adaptor reached its placeholder"
                + " SocketImpl: a method of java.net.ServerSocket it does not override; report it with the stack");
    }

    @Override
    protected void create(boolean stream) {
        throw unused();
    }

    @Override
    protected void connect(String host, int port) {
        throw unused();
    }

    @Override
    protected void connect(InetAddress address, int port) {
        throw unused();
    }

    @Override
    protected void connect(SocketAddress address, int timeout) {
        throw unused();
    }

    @Override
    protected void bind(InetAddress host, int port) {
        throw unused();
    }

    @Override
    protected void listen(int backlog) {
        throw unused();
    }

    @Override
    protected void accept(SocketImpl s) {
        throw unused();
    }

    @Override
    protected InputStream getInputStream() {
        throw unused();
    }

    @Override
    protected OutputStream getOutputStream() {
        throw unused();
    }

    @Override
    protected int available() {
        throw unused();
    }

    @Override
    protected void close() {
        throw unused();
    }

    @Override
    protected void sendUrgentData(int data) {
        throw unused();
    }

    @Override
    public void setOption(int optID, Object value) {
        throw unused();
    }

    @Override
    public Object getOption(int optID) {
        throw unused();
    }
}
