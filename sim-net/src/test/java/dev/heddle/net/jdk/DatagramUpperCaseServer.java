package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A request/reply server on a plain {@code DatagramChannel}, run unchanged on real loopback and in
 * simulation: each datagram is answered, to its sender, with its text in upper case.
 */
final class DatagramUpperCaseServer implements Runnable {
    private final DatagramChannel channel;

    private DatagramUpperCaseServer(DatagramChannel channel) {
        this.channel = channel;
    }

    static DatagramUpperCaseServer open(InetSocketAddress local) throws IOException {
        return new DatagramUpperCaseServer(DatagramChannel.open().bind(local));
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Answers datagrams until the channel is closed. */
    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        try {
            while (true) {
                buffer.clear();
                SocketAddress sender = channel.receive(buffer);
                String request = UTF_8.decode(buffer.flip()).toString();
                channel.send(UTF_8.encode(request.toUpperCase()), sender);
            }
        } catch (ClosedChannelException stopped) {
            // Closed: done.
        } catch (IOException e) {
            throw new IllegalStateException("the server failed", e);
        }
    }

    void close() throws IOException {
        channel.close();
    }
}
