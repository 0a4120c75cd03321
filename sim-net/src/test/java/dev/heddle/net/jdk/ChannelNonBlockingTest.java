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
import dev.heddle.sim.Simulation;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.IllegalSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulated channels in non-blocking mode with the simulated {@code Selector}: nothing waits but
 * the select, which waits in virtual time and reports every ready key; connects finish through
 * {@code OP_CONNECT}; a wakeup from another task ends a select.
 */
class ChannelNonBlockingTest {
    private static final Duration LATENCY = Duration.ofMillis(5);

    @Test
    void aNonBlockingConnectFinishesOnOpConnectAndReadsReturnZeroUntilBytesArrive() {
        Simulation.ofSeed(1).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            Host server = sim.host("server", self -> {
                try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(7000))) {
                    listener.configureBlocking(false);
                    assertNull(listener.accept(), "no one has connected yet");
                    listener.configureBlocking(true);
                    try (SocketChannel connection = listener.accept()) {
                        sim.sleep(Duration.ofMillis(100));
                        connection.write(UTF_8.encode("late"));
                    }
                }
            });
            sim.sleep(Duration.ofMillis(1));
            try (Selector selector = Selector.open(); SocketChannel channel = SocketChannel.open()) {
                channel.configureBlocking(false);
                assertFalse(channel.connect(new InetSocketAddress(server.address(), 7000)), "a round trip to go");
                assertTrue(channel.isConnectionPending());
                assertFalse(channel.finishConnect());
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
                long start = sim.now();
                assertEquals(1, selector.select());
                assertEquals(2 * LATENCY.toNanos(), sim.now() - start, "one round trip of virtual time");
                assertTrue(key.isConnectable());
                assertTrue(channel.finishConnect());
                assertTrue(channel.isConnected());
                selector.selectedKeys().clear();
                key.interestOps(SelectionKey.OP_READ);
                ByteBuffer buffer = ByteBuffer.allocate(16);
                assertEquals(0, channel.read(buffer), "nothing there, and a non-blocking read does not wait");
                assertEquals(0, selector.select(50), "nothing within 50 virtual ms");
                assertEquals(1, selector.select());
                assertTrue(key.isReadable());
                assertEquals(4, channel.read(buffer));
                assertEquals("late", UTF_8.decode(buffer.flip()).toString());
                assertThrows(IllegalBlockingModeException.class, () -> channel.socket().getInputStream().read());
            }
        });
    }

    @Test
    void aNonBlockingWriteTakesWhatTheWindowHoldsAndOpWriteReportsWhenThePeerHasRead() {
        byte[] data = new byte[200 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Simulation.ofSeed(7).run(sim -> {
            Host server = sim.host("server", self -> {
                try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(7000));
                        SocketChannel connection = listener.accept()) {
                    sim.sleep(Duration.ofSeconds(1));
                    ByteBuffer received = ByteBuffer.allocate(data.length);
                    while (received.hasRemaining() && connection.read(received) >= 0) {
                        // reads until every byte is in
                    }
                    assertArrayEquals(data, received.array());
                }
            });
            sim.sleep(Duration.ofMillis(1));
            try (Selector selector = Selector.open();
                    SocketChannel channel = SocketChannel.open(new InetSocketAddress(server.address(), 7000))) {
                channel.configureBlocking(false);
                ByteBuffer out = ByteBuffer.wrap(data);
                assertEquals(64 * 1024, channel.write(out), "the window's worth");
                assertEquals(0, channel.write(out), "a full window takes nothing, without waiting");
                SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
                int writes = 0;
                while (out.hasRemaining()) {
                    selector.select();
                    assertTrue(key.isWritable());
                    selector.selectedKeys().clear();
                    assertTrue(channel.write(out) > 0, "writable means a write takes something");
                    writes++;
                }
                assertTrue(sim.now() >= Duration.ofSeconds(1).toNanos(), "the rest waited for the reader");
                assertTrue(writes >= 1, "writes " + writes);
            }
            server.mainTask().join();
        });
    }

    @Test
    void aRefusedNonBlockingConnectFailsAtFinishConnectAndClosesTheChannel() {
        Simulation.ofSeed(2).run(sim -> {
            Host server = sim.host("server", self -> { });
            try (Selector selector = Selector.open(); SocketChannel channel = SocketChannel.open()) {
                channel.configureBlocking(false);
                channel.connect(new InetSocketAddress(server.address(), 9));
                channel.register(selector, SelectionKey.OP_CONNECT);
                assertEquals(1, selector.select());
                ConnectException e = assertThrows(ConnectException.class, channel::finishConnect);
                assertEquals("Connection refused", e.getMessage());
                assertFalse(channel.isOpen());
            }
        });
    }

    @Test
    void aWakeupFromAnotherTaskEndsASelectAndAClosedSelectorRefusesUse() {
        Simulation.ofSeed(3).run(sim -> {
            Selector selector = Selector.open();
            DatagramChannel channel = DatagramChannel.open().bind(null);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            JoinHandle<Integer> selecting = sim.spawn(() -> selector.select());
            sim.sleep(Duration.ofHours(1));
            selector.wakeup();
            assertEquals(0, selecting.join());
            selector.wakeup();
            assertEquals(0, selector.select(), "a wakeup before a select ends it at once");
            selector.close();
            assertThrows(ClosedSelectorException.class, selector::selectNow);
            assertNull(channel.keyFor(selector), "closing the selector deregistered its keys");
            channel.close();
        });
    }

    @Test
    void datagramsAreSelectedAsTheyArrive() {
        Simulation.ofSeed(4).run(sim -> {
            Host server = sim.host("server", self -> DatagramUpperCaseServer.open(new InetSocketAddress(5300)).run());
            sim.sleep(Duration.ofMillis(1));
            try (Selector selector = Selector.open(); DatagramChannel channel = DatagramChannel.open()) {
                channel.configureBlocking(false);
                channel.send(UTF_8.encode("ping"), new InetSocketAddress(server.address(), 5300));
                assertNull(channel.receive(ByteBuffer.allocate(8)), "not there yet");
                channel.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                assertEquals(1, selector.selectNow(), "writable at once");
                assertEquals(SelectionKey.OP_WRITE, channel.keyFor(selector).readyOps());
                selector.selectedKeys().clear();
                channel.keyFor(selector).interestOps(SelectionKey.OP_READ);
                assertEquals(1, selector.select());
                ByteBuffer reply = ByteBuffer.allocate(8);
                assertInstanceOf(InetSocketAddress.class, channel.receive(reply));
                assertEquals("PING", UTF_8.decode(reply.flip()).toString());
            }
        });
    }

    @Test
    void selectWithAnActionHandsOverEveryReadyKeyInRegistrationOrder() {
        Simulation.ofSeed(6).run(sim -> {
            try (Selector selector = Selector.open();
                    DatagramChannel first = DatagramChannel.open().bind(null);
                    DatagramChannel second = DatagramChannel.open().bind(null);
                    DatagramChannel sender = DatagramChannel.open()) {
                for (DatagramChannel channel : List.of(first, second)) {
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ, channel == first ? "first" : "second");
                }
                sender.send(UTF_8.encode("2"), second.getLocalAddress());
                sender.send(UTF_8.encode("1"), first.getLocalAddress());
                sim.sleep(Duration.ofSeconds(1));
                List<Object> ready = new ArrayList<>();
                assertEquals(2, selector.select(key -> ready.add(key.attachment()), 1_000));
                assertEquals(List.of("first", "second"), ready);
                assertTrue(selector.selectedKeys().isEmpty(), "an action's select keeps no key selected");
            }
        });
    }

    @Test
    void aRealChannelCannotJoinASimulatedSelector() throws Exception {
        SocketChannel real = SocketChannel.open();
        real.configureBlocking(false);
        try (real) {
            Simulation.ofSeed(5).run(sim -> {
                try (Selector selector = Selector.open()) {
                    assertThrows(IllegalSelectorException.class, () -> real.register(selector, SelectionKey.OP_READ));
                }
            });
        }
    }
}
