package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A line-protocol server written with plain {@code java.nio} blocking channels, one connection at
 * a time, which the tests run unchanged on real loopback and in simulation. Each line is answered
 * with the line in upper case; "PAUSE" is read and never answered (a stalled server); "CRASH"
 * resets the connection (SO_LINGER 0) and stops listening, as a crashed process's kernel would.
 */
final class ChannelLineServer implements ChannelLineService {
    private final ServerSocketChannel listener;

    private ChannelLineServer(ServerSocketChannel listener) {
        this.listener = listener;
    }

    /** A server listening on {@code local} (port 0: a free one) on the calling thread's machine, real or simulated. */
    static ChannelLineServer open(InetSocketAddress local) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(local);
        return new ChannelLineServer(listener);
    }

    @Override
    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) listener.getLocalAddress();
    }

    /** Serves connections one after another until the listener is closed. */
    @Override
    public void run() {
        while (true) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (ClosedChannelException stopped) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException("accept failed", e);
            }
            try (connection) {
                serve(connection);
            } catch (IOException e) {
                // The client went away or reset: serve the next one.
            }
        }
    }

    private void serve(SocketChannel connection) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(256);
        StringBuilder line = new StringBuilder();
        while (connection.read(in) >= 0) {
            in.flip();
            while (in.hasRemaining()) {
                char c = (char) in.get();
                if (c != '\n') {
                    line.append(c);
                    continue;
                }
                String request = line.toString();
                line.setLength(0);
                if (request.equals("CRASH")) {
                    connection.setOption(StandardSocketOptions.SO_LINGER, 0);
                    listener.close();
                    return;
                }
                if (!request.equals("PAUSE")) {
                    connection.write(UTF_8.encode(request.toUpperCase() + "\n"));
                }
            }
            in.clear();
        }
    }
}
