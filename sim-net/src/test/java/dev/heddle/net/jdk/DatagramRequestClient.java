package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.DatagramChannel;

/**
 * The client of {@link DatagramUpperCaseServer}, on a plain {@code DatagramChannel}: it sends the
 * request on the channel and waits for the reply on the channel's socket adaptor, whose SO_TIMEOUT
 * bounds each wait, sending again after each timeout. Run unchanged on real loopback and in
 * simulation.
 */
final class DatagramRequestClient {
    private DatagramRequestClient() {}

    /** The reply to {@code text}, or "no reply after N tries". */
    static String request(InetSocketAddress server, String text, int tries, int timeoutMillis) throws IOException {
        try (DatagramChannel channel = DatagramChannel.open()) {
            DatagramSocket socket = channel.socket();
            socket.setSoTimeout(timeoutMillis);
            for (int i = 0; i < tries; i++) {
                channel.send(UTF_8.encode(text), server);
                DatagramPacket reply = new DatagramPacket(new byte[512], 512);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException lost) {
                    continue;
                }
                return new String(reply.getData(), reply.getOffset(), reply.getLength(), UTF_8);
            }
            return "no reply after " + tries + " tries";
        }
    }
}
