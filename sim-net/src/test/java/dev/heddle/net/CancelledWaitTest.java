package dev.heddle.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.time.Elapsed;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wait of the network API is a Heddle suspension point: a timeout or an abort ends it, and
 * an ended accept, read or receive has taken nothing, so what arrives later is not lost.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancelledWaitTest {

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aTimedOutReadLeavesTheStreamUsableAndTheBytesSentLaterArrive(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream client = TcpStream.connect(listener.localAddress());
                     TcpStream server = listener.accept()) {
                    byte[] buffer = new byte[8];
                    for (int attempt = 0; attempt < 3; attempt++) {
                        assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(20),
                                () -> client.read(buffer, 0, buffer.length)));
                    }
                    server.writeAll("abcdefgh".getBytes(UTF_8));
                    client.readExactly(buffer);
                    assertEquals("abcdefgh", new String(buffer, UTF_8));
                }
                return null;
            });
        }
    }

    /**
     * A byte is written and the reader aborted at once, so the abort races the byte's arrival:
     * either the reader took it (and its join returns it) or nobody did (and the next read gets
     * it). Never both, never neither.
     */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void anAbortedReadEitherReturnedTheByteOrLeftItForTheNextRead(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream client = TcpStream.connect(listener.localAddress());
                     TcpStream server = listener.accept()) {
                    int abortedBeforeTheByte = 0;
                    for (int i = 0; i < 300; i++) {
                        var started = Oneshot.<Boolean>channel();
                        JoinHandle<Integer> reader = Heddle.spawn(() -> {
                            started.sender().send(true);
                            byte[] one = new byte[1];
                            client.read(one, 0, 1);
                            return one[0] & 0xff;
                        });
                        started.receiver().recv();
                        server.writeAll(new byte[] {(byte) i});
                        reader.abort();
                        int got;
                        try {
                            got = reader.join();
                        } catch (JoinException e) {
                            assertTrue(e.isCancelled(), e.toString());
                            abortedBeforeTheByte++;
                            byte[] one = new byte[1];
                            assertEquals(1, client.read(one, 0, 1));
                            got = one[0] & 0xff;
                        }
                        assertEquals(i & 0xff, got, "byte " + i);
                    }
                    assertTrue(abortedBeforeTheByte > 0, "no abort ever came first: the race was not exercised");
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aTimedOutAcceptLeavesTheConnectionForTheNextAccept(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(20), listener::accept));
                    try (TcpStream client = TcpStream.connect(listener.localAddress());
                         TcpStream server = listener.accept()) {
                        assertEquals(client.localAddress(), server.peerAddress());
                    }
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aTimedOutReceiveLeavesTheSocketUsable(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (UdpSocket a = UdpSocket.bind("127.0.0.1:0"); UdpSocket b = UdpSocket.bind("127.0.0.1:0")) {
                    assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(20), b::receive));
                    a.send("late".getBytes(UTF_8), b.localAddress());
                    assertArrayEquals("late".getBytes(UTF_8), b.receive().payload());
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void closingAStreamEndsAReadWaitingOnItInAnotherTask(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    TcpStream client = TcpStream.connect(listener.localAddress());
                    try (TcpStream server = listener.accept()) {
                        var started = Oneshot.<Boolean>channel();
                        JoinHandle<Integer> reader = Heddle.spawn(() -> {
                            started.sender().send(true);
                            return client.read(new byte[1], 0, 1);
                        });
                        started.receiver().recv();
                        client.close();
                        JoinException e = assertThrows(JoinException.class, reader::join);
                        assertTrue(e.getCause() instanceof ClosedChannelException, e.toString());
                        assertTrue(e.getCause().getMessage().contains("is closed"), e.getCause().getMessage());
                        assertEquals(-1, server.read(new byte[1], 0, 1), "the peer sees the connection end");
                    }
                }
                return null;
            });
        }
    }
}
