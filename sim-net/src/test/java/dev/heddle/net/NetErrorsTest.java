package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.time.Elapsed;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each failure has the JDK's type for it, and a message that names the addresses involved. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetErrorsTest {

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void connectingToAPortNobodyListensOnIsRefused(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                TcpListener listener = TcpListener.bind("127.0.0.1:0");
                InetSocketAddress closedPort = listener.localAddress();
                listener.close();
                ConnectException e = assertThrows(ConnectException.class, () -> TcpStream.connect(closedPort));
                assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + closedPort.getPort()), e.getMessage());
                assertTrue(e.getMessage().contains("refused"), e.getMessage());
                return null;
            });
        }
    }

    /**
     * A listener nobody accepts on fills its backlog, after which Linux drops new connection
     * attempts and a connect waits: a timeout ends that wait, and the stream being connected is
     * closed.
     */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aConnectThatWaitsTooLongEndsWithTheTimeout(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                List<TcpStream> queued = new ArrayList<>();
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    Elapsed timedOut = null;
                    for (int i = 0; i < 1000 && timedOut == null; i++) {
                        try {
                            queued.add(Heddle.clock().timeout(Duration.ofMillis(200),
                                    () -> TcpStream.connect(listener.localAddress())));
                        } catch (Elapsed e) {
                            timedOut = e;
                        }
                    }
                    assertNotNull(timedOut, "the backlog never filled: " + queued.size() + " connections queued");
                    assertTrue(timedOut.getMessage().contains("200 ms"), timedOut.getMessage());
                } finally {
                    for (TcpStream stream : queued) {
                        stream.close();
                    }
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void bindingAnAddressInUseNamesIt(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0"); UdpSocket udp = UdpSocket.bind("127.0.0.1:0")) {
                    String tcpAddress = "127.0.0.1:" + listener.localAddress().getPort();
                    BindException tcp = assertThrows(BindException.class, () -> TcpListener.bind(tcpAddress));
                    assertTrue(tcp.getMessage().contains("cannot bind a tcp listener to " + tcpAddress), tcp.getMessage());
                    assertTrue(tcp.getMessage().contains("in use"), tcp.getMessage());

                    BindException udpInUse = assertThrows(BindException.class, () -> UdpSocket.bind(udp.localAddress()));
                    assertTrue(udpInUse.getMessage().contains("127.0.0.1:" + udp.localAddress().getPort()),
                            udpInUse.getMessage());
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void anUnknownHostIsNamed(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                UnknownHostException connect = assertThrows(UnknownHostException.class,
                        () -> TcpStream.connect("no-such-host.invalid:80"));
                assertTrue(connect.getMessage().contains("no-such-host.invalid"), connect.getMessage());
                UnknownHostException unresolved = assertThrows(UnknownHostException.class,
                        () -> TcpStream.connect(InetSocketAddress.createUnresolved("no-such-host.invalid", 80)));
                assertTrue(unresolved.getMessage().contains("no-such-host.invalid"), unresolved.getMessage());
                assertThrows(UnknownHostException.class, () -> Net.resolve("no-such-host.invalid"));
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void namesAndLiteralsResolveAsTheJdkResolvesThem(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                assertEquals(List.of(InetAddress.getAllByName("localhost")), Net.resolve("localhost"));
                assertEquals(List.of(InetAddress.getByName("127.0.0.1")), Net.resolve("127.0.0.1"));
                assertEquals(List.of(InetAddress.getByName("::1")), Net.resolve("::1"));
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void usingAClosedSocketFailsAsClosedNamingIt(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                TcpListener listener = TcpListener.bind("127.0.0.1:0");
                TcpStream client = TcpStream.connect(listener.localAddress());
                TcpStream server = listener.accept();
                String name = "tcp stream " + TcpStreamTest.address(client.localAddress()) + " -> "
                        + TcpStreamTest.address(client.peerAddress());
                client.close();
                client.close();
                ClosedChannelException write = assertThrows(ClosedChannelException.class,
                        () -> client.writeAll(new byte[1]));
                assertEquals(name + " is closed", write.getMessage());
                assertEquals(name + " is closed",
                        assertThrows(ClosedChannelException.class, () -> client.read(new byte[1], 0, 1)).getMessage());
                assertThrows(ClosedChannelException.class, client::flush);
                assertThrows(ClosedChannelException.class, client::shutdownOutput);
                assertThrows(ClosedChannelException.class, () -> client.outputStream().write(1));

                listener.close();
                ClosedChannelException accept = assertThrows(ClosedChannelException.class, listener::accept);
                assertTrue(accept.getMessage().contains("tcp listener 127.0.0.1:"), accept.getMessage());

                UdpSocket udp = UdpSocket.bind("127.0.0.1:0");
                udp.close();
                assertThrows(ClosedChannelException.class, udp::receive);
                assertThrows(ClosedChannelException.class, () -> udp.send(new byte[1], server.localAddress()));
                server.close();
                return null;
            });
        }
    }

    /** A peer that closes with SO_LINGER 0 resets the connection instead of ending it. */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aResetByThePeerIsASocketExceptionSayingReset(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    Socket peer = new Socket();
                    peer.connect(listener.localAddress());
                    try (TcpStream stream = listener.accept()) {
                        peer.setSoLinger(true, 0);
                        peer.close();
                        SocketException e = assertThrows(SocketException.class,
                                () -> stream.read(new byte[1], 0, 1));
                        assertTrue(e.getMessage().contains("reset"), e.getMessage());
                        assertTrue(e.getMessage().contains(TcpStreamTest.address(stream.peerAddress())), e.getMessage());
                        SocketException again = assertThrows(SocketException.class,
                                () -> stream.read(new byte[1], 0, 1));
                        assertTrue(again.getMessage().contains("reset"), "a reset stream stays reset");
                    }
                }
                return null;
            });
        }
    }
}
