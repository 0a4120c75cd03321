package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.internal.channel.SimulatedSocketChannel;
import dev.heddle.sim.Simulation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import org.junit.jupiter.api.Test;

/**
 * With {@link SimulatedSelectorProvider} installed (sim-net's test argLine), a thread that is not a
 * simulated task gets the JDK's own channels, selectors and pipes, non-blocking mode included; a
 * simulated task in the same JVM gets simulated ones; and without the switch, a simulated task's
 * channel fails saying which option to add rather than opening a real one.
 */
class ChannelDelegationTest {

    @Test
    void outsideSimulationChannelsSelectorsAndPipesAreTheJdksAndWorkNonBlocking() throws Exception {
        assertInstanceOf(SimulatedSelectorProvider.class, SelectorProvider.provider());
        try (Selector selector = Selector.open();
                ServerSocketChannel listener = ServerSocketChannel.open()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel client = SocketChannel.open(listener.getLocalAddress())) {
            assertTrue(client.getClass().getName().startsWith("sun.nio.ch."), client.getClass().getName());
            assertNotSame(SelectorProvider.provider(), client.provider(), "the JDK's own provider made it");
            try (SocketChannel accepted = listener.accept()) {
                accepted.configureBlocking(false);
                accepted.register(selector, SelectionKey.OP_READ);
                client.write(UTF_8.encode("real"));
                assertEquals(1, selector.select(10_000));
                ByteBuffer buffer = ByteBuffer.allocate(16);
                assertEquals(4, accepted.read(buffer));
                assertEquals("real", UTF_8.decode(buffer.flip()).toString());
            }
        }
        Pipe pipe = Pipe.open();
        pipe.sink().write(UTF_8.encode("p"));
        assertEquals(1, pipe.source().read(ByteBuffer.allocate(1)));
        try (DatagramChannel datagrams = DatagramChannel.open()) {
            assertTrue(datagrams.getClass().getName().startsWith("sun.nio.ch."), datagrams.getClass().getName());
        }
    }

    @Test
    void aSimulatedTaskAndARealThreadInOneJvmEachGetTheirOwn() throws Exception {
        Simulation.ofSeed(1).run(sim -> {
            try (SocketChannel simulated = SocketChannel.open()) {
                assertInstanceOf(SimulatedSocketChannel.class, simulated);
            }
        });
        try (SocketChannel real = SocketChannel.open()) {
            assertFalse(real instanceof SimulatedSocketChannel);
        }
    }

    @Test
    void withoutTheSwitchASimulatedTasksChannelFailsNamingIt() {
        String before = System.getProperty(JdkNetwork.SWITCH);
        System.clearProperty(JdkNetwork.SWITCH);
        try {
            Simulation.ofSeed(1).run(sim -> {
                IllegalStateException e = assertThrows(IllegalStateException.class, SocketChannel::open);
                assertTrue(e.getMessage().contains("-Dheddle.simulateJdkNetwork=true"), e.getMessage());
                assertThrows(IllegalStateException.class, DatagramChannel::open);
                assertThrows(IllegalStateException.class, ServerSocketChannel::open);
            });
        } finally {
            if (before != null) {
                System.setProperty(JdkNetwork.SWITCH, before);
            }
        }
    }
}
