package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A test client of {@link EchoServer}: the same code over real loopback and between simulated hosts. */
final class EchoClient {
    private EchoClient() {}

    /** Sends {@code messages} numbered messages to {@code address} one by one, checks each echo, then ends. */
    static void exchange(String address, int messages) throws IOException {
        try (TcpStream stream = TcpStream.connect(address)) {
            for (int i = 0; i < messages; i++) {
                byte[] message = String.format("message %06d", i).getBytes(StandardCharsets.US_ASCII);
                stream.writeAll(message);
                byte[] echo = new byte[message.length];
                stream.readExactly(echo);
                assertArrayEquals(message, echo, "echo of message " + i);
            }
            stream.shutdownOutput();
            assertEquals(-1, stream.read(new byte[1], 0, 1), "the server ends after the client");
        }
    }
}
