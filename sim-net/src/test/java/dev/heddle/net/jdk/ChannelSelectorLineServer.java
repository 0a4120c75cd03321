package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * {@link ChannelLineServer}'s protocol served the other classic way: one thread, non-blocking
 * channels and a {@code Selector}, any number of connections at once. Run unchanged on real
 * loopback and in simulation (where the selector is the simulated one).
 */
final class ChannelSelectorLineServer implements ChannelLineService {
    private final ServerSocketChannel listener;

    private ChannelSelectorLineServer(ServerSocketChannel listener) {
        this.listener = listener;
    }

    static ChannelSelectorLineServer open(InetSocketAddress local) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(local);
        listener.configureBlocking(false);
        return new ChannelSelectorLineServer(listener);
    }

    @Override
    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) listener.getLocalAddress();
    }

    /** One connection's unfinished request line and unsent replies. */
    private static final class Connection {
        final StringBuilder line = new StringBuilder();
        ByteBuffer out = ByteBuffer.allocate(0);
        boolean crashed;
    }

    /**
     * Stops listening, then resets the connection, in this order as a crashed process's kernel
     * would have them seen: a channel registered with a selector is closed for real only when
     * its key is dropped at the next select, hence the selectNow after each close.
     */
    private void crash(SelectionKey key) throws IOException {
        Selector selector = key.selector();
        listener.close();
        selector.selectNow();
        SocketChannel connection = (SocketChannel) key.channel();
        connection.setOption(StandardSocketOptions.SO_LINGER, 0);
        connection.close();
        selector.selectNow();
    }

    /** Serves until a "CRASH" line stops it. */
    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (listener.isOpen()) {
                selector.select();
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext() && listener.isOpen()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept(selector);
                    } else {
                        serve(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the selector failed", e);
        }
    }

    private void accept(Selector selector) throws IOException {
        SocketChannel connection = listener.accept();
        if (connection != null) {
            connection.configureBlocking(false);
            connection.register(selector, SelectionKey.OP_READ, new Connection());
        }
    }

    private void serve(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isReadable() && !read(channel, connection)) {
                channel.close();
                return;
            }
            if (connection.crashed) {
                crash(key);
                return;
            }
            if (connection.out.hasRemaining()) {
                channel.write(connection.out);
            }
            key.interestOps(connection.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                    : SelectionKey.OP_READ);
        } catch (IOException e) {
            channel.close(); // reset by the client: drop it
        }
    }

    /** Reads what is there and queues the replies; false at the end of the connection. */
    private boolean read(SocketChannel channel, Connection connection) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(256);
        int n = channel.read(in);
        if (n < 0) {
            return false;
        }
        in.flip();
        while (in.hasRemaining()) {
            char c = (char) in.get();
            if (c != '\n') {
                connection.line.append(c);
                continue;
            }
            String request = connection.line.toString();
            connection.line.setLength(0);
            if (request.equals("CRASH")) {
                connection.crashed = true;
                return true;
            }
            if (!request.equals("PAUSE")) {
                ByteBuffer reply = UTF_8.encode(request.toUpperCase() + "\n");
                connection.out = ByteBuffer.allocate(connection.out.remaining() + reply.remaining())
                        .put(connection.out).put(reply).flip();
            }
        }
        return true;
    }
}
