package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The client of {@link ChannelLineServer}, written with a plain {@code SocketChannel}: it connects
 * through the channel's socket adaptor with a connect timeout, writes requests on the channel and
 * reads replies through the adaptor's stream, whose SO_TIMEOUT bounds each wait. Run unchanged on
 * real loopback and in simulation.
 */
final class ChannelLineClient implements Closeable {
    private final SocketChannel channel;
    private final BufferedReader replies;

    private ChannelLineClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.replies = new BufferedReader(new InputStreamReader(channel.socket().getInputStream(), UTF_8));
    }

    static ChannelLineClient connect(InetSocketAddress server, int timeoutMillis) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(server, timeoutMillis);
            channel.socket().setSoTimeout(timeoutMillis);
            return new ChannelLineClient(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends {@code request} as a line and returns the reply line. */
    String call(String request) throws IOException {
        channel.write(UTF_8.encode(request + "\n"));
        return replies.readLine();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
