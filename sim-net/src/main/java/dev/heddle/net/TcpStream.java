package dev.heddle.net;

import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.util.Objects;

/**
 * A TCP connection (Tokio's {@code TcpStream}): bytes in both directions, read and written by
 * Heddle tasks.
 *
 * <pre>{@code
 * try (TcpStream stream = TcpStream.connect("127.0.0.1:7000")) {
 *     stream.writeAll("ping\n".getBytes(UTF_8));
 *     BufferedReader in = new BufferedReader(new InputStreamReader(stream.inputStream(), UTF_8));
 *     String reply = in.readLine();
 * }
 * }</pre>
 *
 * <p><b>Waiting.</b> Every method that waits ({@link #connect}, {@link #read}, {@link #write},
 * {@link #readExactly}, {@link #writeAll}) is a suspension point: an abort of the task, or a
 * {@code Heddle.clock().timeout(...)} around the call, ends the wait with a
 * {@code CancellationException}. {@link #read} and {@link #write} are cancellation-safe (Tokio's
 * term): ended so, they have read or written nothing, and the stream stays usable; bytes that
 * arrive later are read by the next read. {@link #readExactly} and {@link #writeAll} loop over
 * them, so one ended so may have moved part of its bytes.
 *
 * <p><b>Java views.</b> {@link #inputStream()}, {@link #outputStream()} and {@link #channel()}
 * read and write this stream, so {@code DataInputStream}, {@code BufferedReader},
 * {@code ObjectOutputStream} and code written against {@code ByteChannel} work on it unchanged,
 * waiting as these methods do. Closing a view closes the stream, as for {@link java.net.Socket}.
 *
 * <p><b>Threads.</b> One task may read while another writes. Reads from two tasks at once each
 * get some of the bytes, in no promised split; likewise writes.
 */
public final class TcpStream implements Closeable {
    private final StreamDriver driver;
    private final InputStream input = new TcpInputStream(this);
    private final OutputStream output = new TcpOutputStream(this);
    private final ByteChannel channel = new TcpByteChannel(this);

    TcpStream(StreamDriver driver) {
        this.driver = driver;
    }

    /**
     * Connects to {@code address}, "host:port" (an IPv6 address in brackets), waiting until the
     * connection is established. A host name is resolved and its addresses tried in turn.
     *
     * @throws java.net.ConnectException if the connection is refused; the message names the address
     * @throws java.net.UnknownHostException if the host has no address
     * @throws IllegalArgumentException if {@code address} is not host:port with a port from 0 to 65535
     */
    public static TcpStream connect(String address) throws IOException {
        return HostAndPort.parse(address).tryEachAddress(TcpStream::connectResolved);
    }

    /**
     * Connects to {@code address}, waiting until the connection is established. An unresolved
     * address is resolved first.
     *
     * @throws java.net.ConnectException if the connection is refused; the message names the address
     */
    public static TcpStream connect(InetSocketAddress address) throws IOException {
        return HostAndPort.tryEachAddress(address, TcpStream::connectResolved);
    }

    private static TcpStream connectResolved(InetSocketAddress address) throws IOException {
        return new TcpStream(Net.backend().connectTcp(address));
    }

    /**
     * Reads at most {@code length} bytes into {@code into} from {@code offset}, waiting until at
     * least one is there, and returns how many it read; -1 once the peer has shut its output
     * down and every byte before that was read. A length of 0 returns 0 at once.
     *
     * @throws java.net.SocketException if the connection was reset; the message says "reset"
     * @throws java.nio.channels.ClosedChannelException if this stream was closed, before or while waiting
     * @throws java.util.concurrent.CancellationException if the task is aborted or times out
     *     first; no byte was read
     */
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(into, "into").length);
        if (length == 0) {
            return 0;
        }
        return IoWait.await(driver.readOp(into, offset, length));
    }

    /**
     * Reads exactly {@code length} bytes into {@code into} from {@code offset}, waiting as long
     * as it takes.
     *
     * @throws EOFException if the stream ends first; the message says how many bytes were missing
     */
    public void readExactly(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(into, "into").length);
        int done = 0;
        while (done < length) {
            int count = read(into, offset + done, length - done);
            if (count < 0) {
                throw new EOFException(this + " ended after " + done + " of " + length + " bytes: "
                        + (length - done) + " missing");
            }
            done += count;
        }
    }

    /** Reads exactly {@code into.length} bytes into {@code into}; see {@link #readExactly(byte[], int, int)}. */
    public void readExactly(byte[] into) throws IOException {
        readExactly(into, 0, Objects.requireNonNull(into, "into").length);
    }

    /**
     * Waiting until a {@link #read} would not wait (bytes are there, the stream has ended, or the
     * read would fail), as an op a {@code Select} can offer; its result is this stream. It takes
     * no bytes. On a closed stream it completes closed, which disables its select branch.
     */
    public SelectableOp<TcpStream> readableOp() {
        return driver.readableOp().map(ready -> this);
    }

    /**
     * Writes at least one and at most {@code length} bytes of {@code from}, from {@code offset},
     * waiting while the connection takes none, and returns how many it wrote. A length of 0
     * returns 0 at once.
     *
     * @throws java.nio.channels.ClosedChannelException if this stream was closed or its output shut down
     * @throws java.net.SocketException if the connection was reset or the peer is gone
     * @throws java.util.concurrent.CancellationException if the task is aborted or times out
     *     first; no byte was written
     */
    public int write(byte[] from, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(from, "from").length);
        if (length == 0) {
            return 0;
        }
        return driver.write(from, offset, length);
    }

    /** Writes all {@code length} bytes of {@code from} from {@code offset}, waiting as long as it takes. */
    public void writeAll(byte[] from, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(from, "from").length);
        int done = 0;
        while (done < length) {
            done += driver.write(from, offset + done, length - done);
        }
    }

    /** Writes all of {@code from}; see {@link #writeAll(byte[], int, int)}. */
    public void writeAll(byte[] from) throws IOException {
        writeAll(from, 0, Objects.requireNonNull(from, "from").length);
    }

    /**
     * Waits until every byte written is handed to the network. Writes do not buffer, so this
     * returns at once; it is here for {@link #outputStream()}, where buffering streams on top
     * call it.
     *
     * @throws java.nio.channels.ClosedChannelException if this stream was closed
     */
    public void flush() throws IOException {
        driver.flush();
    }

    /**
     * Ends this side's output (TCP's half-close): the peer reads -1 after the bytes written
     * before, and may still write back, which this side can still read. Writing afterwards
     * fails as closed. Idempotent.
     */
    public void shutdownOutput() throws IOException {
        driver.shutdownOutput();
    }

    /**
     * Closes the connection. Waiting reads and writes of other tasks fail as closed, and so does
     * every later call. Idempotent.
     */
    @Override
    public void close() throws IOException {
        driver.close();
    }

    /** False once {@link #close()} was called. */
    public boolean isOpen() {
        return driver.isOpen();
    }

    /** This side's address. */
    public InetSocketAddress localAddress() {
        return driver.localAddress();
    }

    /** The other side's address. */
    public InetSocketAddress peerAddress() {
        return driver.peerAddress();
    }

    /** This stream as an {@link InputStream}, which waits as {@link #read} does; closing it closes the stream. */
    public InputStream inputStream() {
        return input;
    }

    /** This stream as an {@link OutputStream}, which writes as {@link #writeAll} does; closing it closes the stream. */
    public OutputStream outputStream() {
        return output;
    }

    /**
     * This stream as a blocking {@link ByteChannel}: a read waits as {@link #read} does, a write
     * writes every remaining byte; closing it closes the stream.
     */
    public ByteChannel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return driver.toString();
    }
}
