package dev.heddle.net.internal.socket;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.net.internal.sim.SimStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.SocketOptions;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code java.net.Socket} or {@code ServerSocket} of a simulated task, on its run's
 * {@link SimNetwork}: what {@link RoutingSocketImplFactory} gives a socket created in a
 * simulated task. A server socket listens from its bind (the backlog is not bounded); a client
 * socket connects from its host's address. Connects, accepts, reads and writes wait as the
 * simulated network's ops do (a suspension point of the task), through {@link SocketWait}: at
 * most the connect timeout or {@code SO_TIMEOUT} on the host's clock, in virtual time. Failures
 * are the JDK's ({@link JdkSocketExceptions}).
 *
 * <p>One task may read while another writes, and a third closes: a read waiting then fails with
 * "Socket closed", as the JDK's does; an interrupt of the waiting thread closes the socket
 * ("Closed by interrupt"), as the JDK's does on a virtual thread. The fields the JDK's
 * {@code SocketImpl} declares ({@code address}, {@code port}, {@code localport}) are kept as the
 * JDK's own sockets keep them, since {@code Socket} and {@code ServerSocket} read them.
 */
final class SimSocketImpl extends SocketImpl {
    private final SimNetwork network;
    private final SocketWait waits;
    private final boolean server;
    private final SimSocketOptions options = new SimSocketOptions();
    /** A client socket's address from {@code bind}, or null: its host's, on a port of its own. */
    private InetSocketAddress boundClient;
    private ListenerDriver listener;
    private volatile SimStream stream;
    private volatile boolean closed;
    private volatile boolean inputShut;
    private volatile boolean outputShut;
    private InputStream input;
    private OutputStream output;

    SimSocketImpl(SimNetwork network, SocketWait waits, boolean server) {
        this.network = network;
        this.waits = waits;
        this.server = server;
    }

    @Override
    protected void create(boolean stream) throws IOException {
        if (!stream) {
            throw new IOException("Datagram socket creation not supported: use java.net.DatagramSocket");
        }
    }

    @Override
    protected void connect(String host, int port) throws IOException {
        connect(new InetSocketAddress(host, port), 0);
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
        connect(new InetSocketAddress(address, port), 0);
    }

    @Override
    protected void connect(SocketAddress remote, int timeoutMillis) throws IOException {
        ensureOpen();
        if (!(remote instanceof InetSocketAddress to)) {
            throw new IOException("Unsupported address type: " + remote);
        }
        if (to.isUnresolved()) {
            throw new UnknownHostException(to.getHostName());
        }
        if (stream != null) {
            throw new SocketException("Already connected");
        }
        StreamDriver connected;
        try {
            connected = waits.await(network.connectOp(boundClient, to), timeoutMillis,
                    () -> JdkSocketExceptions.timedOut("Connect timed out", "no answer from " + AddressText.of(to)
                            + " within " + timeoutMillis + " ms of virtual time"));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (InterruptedIOException e) {
            throw closedByInterrupt();
        } catch (IOException e) {
            throw JdkSocketExceptions.connectFailed(e);
        }
        connected((SimStream) connected);
    }

    /** This socket now is the connection {@code connected}, established by a connect or an accept. */
    private void connected(SimStream connected) {
        stream = connected;
        address = connected.peerAddress().getAddress();
        port = connected.peerAddress().getPort();
        localport = connected.localAddress().getPort();
    }

    @Override
    protected void bind(InetAddress host, int port) throws IOException {
        ensureOpen();
        if (listener != null || boundClient != null) {
            throw new SocketException("Already bound");
        }
        InetSocketAddress asked = new InetSocketAddress(host, port);
        try {
            if (server) {
                listener = network.bindTcp(asked);
                address = listener.localAddress().getAddress();
                localport = listener.localAddress().getPort();
            } else {
                boundClient = network.bindClient(asked);
                localport = boundClient.getPort();
            }
        } catch (BindException e) {
            throw JdkSocketExceptions.bindFailed(e);
        }
    }

    /** Listening began at {@code bind}; the backlog is not bounded on the simulated network. */
    @Override
    protected void listen(int backlog) throws IOException {
        ensureOpen();
        if (listener == null) {
            throw new SocketException("Not bound");
        }
    }

    @Override
    protected void accept(SocketImpl into) throws IOException {
        ensureOpen();
        if (listener == null) {
            throw new SocketException("Not bound");
        }
        if (!(into instanceof SimSocketImpl accepted)) {
            throw new IOException("a simulated ServerSocket accepts into simulated sockets only, not into "
                    + into.getClass().getName() + ": accept on the simulated task that created the ServerSocket, or"
                    + " on another simulated task");
        }
        int timeoutMillis = options.timeoutMillis();
        StreamDriver connection;
        try {
            connection = waits.await(listener.acceptOp(), timeoutMillis,
                    () -> JdkSocketExceptions.timedOut("Accept timed out", "no connection to " + listener
                            + " within " + timeoutMillis + " ms of virtual time"));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw JdkSocketExceptions.streamFailed(e);
        }
        accepted.connected((SimStream) connection);
    }

    /**
     * Reads into {@code into} as {@code InputStream.read} does: waits at most {@code SO_TIMEOUT}
     * for a byte; -1 at the end of the peer's output or after {@link #shutdownInput()}.
     */
    int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        SimStream connection = connectedStream();
        if (length == 0) {
            return 0;
        }
        if (inputShut) {
            return -1;
        }
        int timeoutMillis = options.timeoutMillis();
        try {
            return waits.await(connection.readOp(into, offset, length), timeoutMillis,
                    () -> JdkSocketExceptions.timedOut("Read timed out", "no byte from "
                            + AddressText.of(connection.peerAddress()) + " within " + timeoutMillis
                            + " ms of virtual time (SO_TIMEOUT)"));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw JdkSocketExceptions.streamFailed(e);
        }
    }

    /**
     * Writes all of {@code from}'s bytes in the range, waiting while the connection's window is
     * full; an interrupt ends the wait ({@code Socket}'s stream then closes the socket).
     */
    void write(byte[] from, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, from.length);
        SimStream connection = connectedStream();
        if (outputShut) {
            throw new SocketException("Socket output is shutdown");
        }
        try {
            int done = 0;
            while (done < length) {
                done += waits.await(connection.writeOp(from, offset + done, length - done), 0, null);
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw JdkSocketExceptions.streamFailed(e);
        }
    }

    /**
     * An interrupt ended the connect's wait: as the JDK's sockets do on a virtual thread, the
     * socket is closed, and the failure says so; the interrupt stays set. (An interrupted read or
     * accept throws the {@link InterruptedIOException} on, which {@code Socket} and
     * {@code ServerSocket} turn into this same failure, closing the socket, for any implementation.)
     */
    private SocketException closedByInterrupt() throws IOException {
        close();
        return new SocketException("Closed by interrupt");
    }

    private SimStream connectedStream() throws SocketException {
        ensureOpen();
        SimStream connection = stream;
        if (connection == null) {
            throw new SocketException("Not connected");
        }
        return connection;
    }

    private void ensureOpen() throws SocketException {
        if (closed) {
            throw new SocketException("Socket closed");
        }
    }

    @Override
    protected synchronized InputStream getInputStream() throws IOException {
        connectedStream();
        if (input == null) {
            input = new SimSocketInputStream(this);
        }
        return input;
    }

    @Override
    protected synchronized OutputStream getOutputStream() throws IOException {
        connectedStream();
        if (output == null) {
            output = new SimSocketOutputStream(this);
        }
        return output;
    }

    @Override
    protected int available() throws IOException {
        SimStream connection = connectedStream();
        return inputShut ? 0 : connection.available();
    }

    /** Closes the connection or stops listening; a read or accept waiting in another task fails "Socket closed". */
    @Override
    protected void close() throws IOException {
        closed = true;
        if (listener != null) {
            listener.close();
        }
        SimStream connection = stream;
        if (connection != null) {
            connection.close();
        }
    }

    /** Reads return -1 from now on; the peer may still write, and what it writes is never read. */
    @Override
    protected void shutdownInput() throws IOException {
        connectedStream();
        inputShut = true;
    }

    /** Sends the end of the stream after the bytes written: the peer reads -1; this side may still read. */
    @Override
    protected void shutdownOutput() throws IOException {
        SimStream connection = connectedStream();
        outputShut = true;
        try {
            connection.shutdownOutput();
        } catch (IOException e) {
            throw JdkSocketExceptions.streamFailed(e);
        }
    }

    /** True so that {@link #sendUrgentData} can say why it is refused, which the JDK's own message does not. */
    @Override
    protected boolean supportsUrgentData() {
        return true;
    }

    @Override
    protected void sendUrgentData(int data) throws IOException {
        throw new SocketException("Urgent data not supported: TCP urgent (out-of-band) data is not simulated on the"
                + " simulated network; send it in band");
    }

    @Override
    public void setOption(int id, Object value) throws SocketException {
        ensureOpen();
        options.set(id, value);
    }

    @Override
    public Object getOption(int id) throws SocketException {
        ensureOpen();
        if (id == SocketOptions.SO_BINDADDR) {
            return localAddress();
        }
        return options.get(id);
    }

    /** The address this socket is bound to: its host's once bound or connected, the wildcard before. */
    private InetAddress localAddress() throws SocketException {
        SimStream connection = stream;
        if (connection != null) {
            return connection.localAddress().getAddress();
        }
        if (listener != null) {
            return listener.localAddress().getAddress();
        }
        if (boundClient != null) {
            return boundClient.getAddress();
        }
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new SocketException("the wildcard address was refused: " + e.getMessage());
        }
    }

    @Override
    protected <T> void setOption(SocketOption<T> option, T value) throws IOException {
        ensureOpen();
        options.set(option, value, server);
    }

    @Override
    protected <T> T getOption(SocketOption<T> option) throws IOException {
        ensureOpen();
        return options.get(option, server);
    }

    @Override
    protected Set<SocketOption<?>> supportedOptions() {
        return SimSocketOptions.supported(server);
    }

    @Override
    public String toString() {
        SimStream connection = stream;
        if (connection != null) {
            return "simulated Socket " + AddressText.of(connection.localAddress()) + " -> "
                    + AddressText.of(connection.peerAddress());
        }
        return listener != null ? "simulated ServerSocket " + AddressText.of(listener.localAddress())
                : "simulated " + (server ? "ServerSocket" : "Socket") + " (not connected)";
    }
}
