package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.Latency;
import dev.heddle.net.SimNet;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Host;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated {@code SocketChannel} and {@code ServerSocketChannel} in blocking mode: scatter
 * and gather, the adaptors' timeouts in virtual time, closing and shutting down under a waiting
 * task, the JDK's exceptions for misuse, and the clear refusals of what is not simulated.
 * Non-blocking mode is {@link ChannelNonBlockingTest}'s.
 */
class ChannelBlockingModeTest {
    private static final Duration LATENCY = Duration.ofMillis(2);

    /** A server on "server":7000 that echoes every byte back until the client ends its output. */
    private static Host echoServer(Sim sim) {
        return sim.host("server", self -> {
            try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(7000))) {
                while (true) {
                    try (SocketChannel connection = listener.accept()) {
                        ByteBuffer buffer = ByteBuffer.allocate(16);
                        while (connection.read(buffer) >= 0) {
                            buffer.flip();
                            connection.write(buffer);
                            buffer.clear();
                        }
                    }
                }
            }
        });
    }

    @Test
    void scatterReadsAndGatherWritesMoveEveryByteInOrder() {
        Simulation.ofSeed(3).run(sim -> {
            Host server = echoServer(sim);
            sim.sleep(Duration.ofMillis(1));
            try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(server.address(), 7000))) {
                assertTrue(channel.isConnected() && channel.finishConnect());
                ByteBuffer[] out = {UTF_8.encode("ab"), UTF_8.encode("cdef"), UTF_8.encode("ghij")};
                assertEquals(8, channel.write(out, 1, 2), "only the two buffers from offset 1");
                assertEquals(2, out[0].remaining(), "the buffer before the offset is untouched");
                channel.shutdownOutput();
                ByteBuffer[] in = {ByteBuffer.allocate(3), ByteBuffer.allocate(3), ByteBuffer.allocate(3)};
                long total = 0;
                while (total < 8) {
                    long n = channel.read(in, 0, 3);
                    assertTrue(n > 0, "read " + n + " after " + total);
                    total += n;
                }
                assertEquals(-1, channel.read(in, 0, 3));
                byte[] got = new byte[8];
                ByteBuffer.wrap(got).put(in[0].flip()).put(in[1].flip()).put(in[2].flip().limit(2));
                assertArrayEquals("cdefghij".getBytes(UTF_8), got);
                assertEquals(server.address(), ((InetSocketAddress) channel.getRemoteAddress()).getAddress());
                assertEquals(7000, ((InetSocketAddress) channel.getRemoteAddress()).getPort());
            }
            try (SocketChannel byName = SocketChannel.open(new InetSocketAddress("server", 7000))) {
                assertEquals(server.address(), ((InetSocketAddress) byName.getRemoteAddress()).getAddress(),
                        "the simulated host's name resolves to its address");
            }
        });
    }

    @Test
    void theWildcardAddressMeansThisHostAsForTheJdk() {
        Simulation.ofSeed(11).run(sim -> {
            sim.host("server", self -> {
                try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(7000));
                        SocketChannel channel = SocketChannel.open(new InetSocketAddress(7000));
                        SocketChannel accepted = listener.accept()) {
                    assertEquals(self.address(), ((InetSocketAddress) channel.getRemoteAddress()).getAddress());
                    assertEquals(channel.getLocalAddress(), accepted.getRemoteAddress());
                }
            }).mainTask().join();
        });
    }

    @Test
    void theAdaptorsTimeOutInVirtualTimeAndStayUsable() {
        Simulation.ofSeed(4).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            sim.host("server", self -> {
                try (ServerSocketChannel listener = ServerSocketChannel.open()) {
                    ServerSocket socket = listener.socket();
                    socket.bind(new InetSocketAddress(7000));
                    socket.setSoTimeout(1_000);
                    long start = sim.now();
                    assertThrows(SocketTimeoutException.class, socket::accept, "no one connects for a second");
                    assertEquals(1e9, sim.now() - start, 1e9 * 1e-4, "one virtual second on the host's drifting clock");
                    socket.setSoTimeout(0);
                    try (Socket connection = socket.accept()) {
                        assertInstanceOf(SocketChannel.class, connection.getChannel());
                        sim.sleep(Duration.ofMinutes(10));
                        connection.getOutputStream().write(42);
                        connection.shutdownOutput();
                        assertEquals(-1, connection.getInputStream().read());
                    }
                }
            });
            sim.sleep(Duration.ofSeconds(2));
            try (SocketChannel channel = SocketChannel.open()) {
                Socket socket = channel.socket();
                socket.connect(new InetSocketAddress(sim.hosts().getFirst().address(), 7000), 1_000);
                socket.setSoTimeout(60_000);
                InputStream in = socket.getInputStream();
                long start = sim.now();
                SocketTimeoutException e = assertThrows(SocketTimeoutException.class, in::read);
                assertEquals("Read timed out", e.getMessage());
                assertEquals(Duration.ofMinutes(1).toNanos(), sim.now() - start, "one virtual minute");
                socket.setSoTimeout(0);
                assertEquals(42, in.read(), "the socket is still usable after a timeout");
                assertEquals(-1, in.read());
                channel.shutdownOutput();
                assertTrue(socket.isOutputShutdown());
            }
        });
    }

    @Test
    void aConnectTimeoutUnderAPartitionIsVirtualAndClosesTheChannel() {
        Simulation.ofSeed(5).run(sim -> {
            Host server = echoServer(sim);
            sim.sleep(Duration.ofMillis(1));
            SimNet.current().partition(List.of("server"), List.of("sim"));
            SocketChannel channel = SocketChannel.open();
            long start = sim.now();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                    () -> channel.socket().connect(new InetSocketAddress(server.address(), 7000), 3_000));
            assertEquals("Connect timed out", e.getMessage());
            assertEquals(Duration.ofSeconds(3).toNanos(), sim.now() - start);
            assertFalse(channel.isOpen(), "a failed connect closes the channel, as the JDK's");
        });
    }

    @Test
    void closingAChannelUnderAWaitingReadEndsItWithAsynchronousCloseException() {
        Simulation.ofSeed(6).run(sim -> {
            Host server = echoServer(sim);
            sim.sleep(Duration.ofMillis(1));
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(server.address(), 7000));
            JoinHandle<Class<?>> reader = sim.spawn(() -> {
                try {
                    channel.read(ByteBuffer.allocate(8));
                    return null;
                } catch (Exception e) {
                    return e.getClass();
                }
            });
            sim.sleep(Duration.ofMillis(100));
            channel.close();
            assertEquals(AsynchronousCloseException.class, reader.join());
            assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(8)));
            assertThrows(ClosedChannelException.class, () -> channel.write(ByteBuffer.allocate(8)));
        });
    }

    @Test
    void closingAChannelUnderAWaitingConnectEndsItAtOnceWithAsynchronousCloseException() {
        Simulation.ofSeed(10).run(sim -> {
            Host server = echoServer(sim);
            sim.sleep(Duration.ofMillis(1));
            SimNet.current().partition(List.of("server"), List.of("sim"));
            SocketChannel channel = SocketChannel.open();
            JoinHandle<Class<?>> connecting = sim.spawn(() -> {
                try {
                    channel.connect(new InetSocketAddress(server.address(), 7000));
                    return null;
                } catch (Exception e) {
                    return e.getClass();
                }
            });
            sim.sleep(Duration.ofMillis(100));
            long start = sim.now();
            channel.close();
            assertEquals(AsynchronousCloseException.class, connecting.join());
            assertEquals(start, sim.now(), "at once, not when the partition heals");
        });
    }

    @Test
    void shuttingTheInputDownUnderAWaitingReadEndsItAtTheEnd() {
        Simulation.ofSeed(7).run(sim -> {
            Host server = echoServer(sim);
            sim.sleep(Duration.ofMillis(1));
            try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(server.address(), 7000))) {
                JoinHandle<Integer> reader = sim.spawn(() -> channel.read(ByteBuffer.allocate(8)));
                sim.sleep(Duration.ofMillis(100));
                channel.shutdownInput();
                assertEquals(-1, reader.join());
                assertTrue(channel.socket().isInputShutdown());
            }
        });
    }

    @Test
    void misuseFailsWithTheJdksExceptions() {
        Simulation.ofSeed(8).run(sim -> {
            Host server = echoServer(sim);
            sim.sleep(Duration.ofMillis(1));
            try (SocketChannel channel = SocketChannel.open()) {
                assertThrows(NotYetConnectedException.class, () -> channel.read(ByteBuffer.allocate(1)));
                assertNull(channel.getRemoteAddress());
                channel.connect(new InetSocketAddress(server.address(), 7000));
                assertThrows(AlreadyConnectedException.class,
                        () -> channel.connect(new InetSocketAddress(server.address(), 7000)));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                assertTrue(channel.getOption(StandardSocketOptions.TCP_NODELAY));
                assertTrue(channel.socket().getTcpNoDelay(), "the adaptor reads the channel's options");
                assertThrows(UnsupportedOperationException.class,
                        () -> channel.setOption(StandardSocketOptions.SO_BROADCAST, true));
                assertThrows(IllegalArgumentException.class,
                        () -> channel.setOption(StandardSocketOptions.SO_SNDBUF, -1));
            }
            java.net.ConnectException refused = assertThrows(java.net.ConnectException.class,
                    () -> SocketChannel.open(new InetSocketAddress(server.address(), 9)));
            assertEquals("Connection refused", refused.getMessage());
            assertTrue(refused.getCause().getMessage().contains("192.0.2.1:9"), refused.getCause().getMessage());
        });
    }

    @Test
    void pipesAndUnixSocketsAreRefusedSayingWhatToUse() {
        Simulation.ofSeed(9).run(sim -> {
            UnsupportedOperationException pipe = assertThrows(UnsupportedOperationException.class, Pipe::open);
            assertTrue(pipe.getMessage().contains("Pipe.open()"), pipe.getMessage());
            UnsupportedOperationException unix = assertThrows(UnsupportedOperationException.class,
                    () -> SocketChannel.open(StandardProtocolFamily.UNIX));
            assertTrue(unix.getMessage().contains("UNIX"), unix.getMessage());
            assertNull(System.inheritedChannel());
            assertInstanceOf(SimulatedSelectorProvider.class, SelectorProvider.provider());
        });
    }
}
