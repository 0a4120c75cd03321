package dev.heddle.net.redis;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.net.TcpListener;
import dev.heddle.net.TcpStream;
import dev.heddle.runtime.HeddleRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server's wire behaviour, byte for byte, where Jedis would hide it: pipelining, empty arrays, protocol errors. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedisServerTest {

    @Test
    void pipelinedCommandsAreAnsweredInOrderAndABrokenProtocolEndsTheConnection() {
        String transcript = overLoopback(stream -> {
            stream.writeAll(("*1\r\n$4\r\nPING\r\n*0\r\n"
                    + "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\nv1\r\n"
                    + "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"
                    + "*2\r\n$3\r\nGET\r\n$6\r\nabsent\r\n"
                    + "*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n"
                    + "*2\r\n$3\r\nGET\r\n").getBytes(US_ASCII));
            stream.writeAll("$1\r\nk\r\nGET k\r\n".getBytes(US_ASCII));
        });
        assertEquals("+PONG\r\n+OK\r\n$2\r\nv1\r\n$-1\r\n-NOPROTO unsupported protocol version\r\n$2\r\nv1\r\n"
                + "-ERR Protocol error: expected '*', got 'G'\r\n", transcript);
    }

    @Test
    void aBulkLengthThatIsNotANumberIsAProtocolError() {
        String transcript = overLoopback(stream -> stream.writeAll("*1\r\n$x\r\n".getBytes(US_ASCII)));
        assertEquals("-ERR Protocol error: invalid bulk length\r\n", transcript);
    }

    /** Sends what {@code client} writes to a fresh server and returns everything the server sent until it closed. */
    private static String overLoopback(Client client) {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            return rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                        TcpStream stream = TcpStream.connect(listener.localAddress())) {
                    RedisServer.serve(listener);
                    client.write(stream);
                    ByteArrayOutputStream received = new ByteArrayOutputStream();
                    stream.inputStream().transferTo(received);
                    return received.toString(US_ASCII);
                }
            });
        }
    }

    private interface Client {
        void write(TcpStream stream) throws IOException;
    }
}
