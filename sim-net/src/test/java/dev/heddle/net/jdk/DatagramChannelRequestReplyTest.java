package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.Net;
import dev.heddle.net.SimNet;
import dev.heddle.sim.FaultRecord;
import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NotYetConnectedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DatagramUpperCaseServer} and {@link DatagramRequestClient}, plain {@code DatagramChannel}
 * code, on real loopback and in simulation: the reply comes back, through loss by retrying, and
 * a server out of reach (gone on loopback, partitioned in simulation) gives the same "no reply".
 */
class DatagramChannelRequestReplyTest {
    private static final int TRIES = 10;
    private static final int TIMEOUT_MILLIS = 200;

    @Test
    void onRealLoopbackTheReplyComesBackAndAGoneServerGivesNoReply() throws Exception {
        DatagramUpperCaseServer server = DatagramUpperCaseServer.open(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread serving = Thread.ofPlatform().name("real datagram server").start(server);
        InetSocketAddress address = server.address();
        assertEquals("PING", DatagramRequestClient.request(address, "ping", TRIES, TIMEOUT_MILLIS));
        server.close();
        serving.join(Duration.ofSeconds(10));
        assertEquals("no reply after 2 tries", DatagramRequestClient.request(address, "ping", 2, TIMEOUT_MILLIS));
    }

    @Test
    void inSimulationRetriesGetThroughLossAndAPartitionGivesNoReply() {
        for (long seed = 1; seed <= 20; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).run(sim -> {
                Host host = sim.host("server", self -> DatagramUpperCaseServer.open(new InetSocketAddress(5300)).run());
                InetSocketAddress server = new InetSocketAddress(host.address(), 5300);
                SimNet.current().defaults().loss(0.2);
                sim.sleep(Duration.ofMillis(1));
                assertEquals("PING", DatagramRequestClient.request(server, "ping", TRIES, TIMEOUT_MILLIS));
                SimNet.current().partition(List.of("server"), List.of("sim"));
                long start = sim.now();
                assertEquals("no reply after 2 tries",
                        DatagramRequestClient.request(server, "ping", 2, TIMEOUT_MILLIS));
                assertEquals(Duration.ofMillis(2 * TIMEOUT_MILLIS).toNanos(), sim.now() - start, "virtual timeouts");
            });
            FaultRecord drops = result.faults().stream().filter(f -> f.name().equals("net.partition.drop"))
                    .findFirst().orElseThrow();
            assertTrue(drops.fired() >= 2, drops.toString());
        }
    }

    @Test
    void theSimulatedRunReplaysToTheSameTraceHash() {
        Simulation.ofSeed(21).checkDeterminism(sim -> {
            Host host = sim.host("server", self -> DatagramUpperCaseServer.open(new InetSocketAddress(5300)).run());
            SimNet.current().defaults().loss(0.3);
            sim.sleep(Duration.ofMillis(1));
            for (int i = 0; i < 5; i++) {
                DatagramRequestClient.request(new InetSocketAddress(host.address(), 5300), "ping " + i, TRIES,
                        TIMEOUT_MILLIS);
            }
        });
    }

    @Test
    void connectedChannelsReadAndWriteTheirPeerOnlyAndCloseEndsAWaitingReceive() {
        Simulation.ofSeed(22).run(sim -> {
            Host host = sim.host("server", self -> DatagramUpperCaseServer.open(new InetSocketAddress(5300)).run());
            InetSocketAddress server = new InetSocketAddress(host.address(), 5300);
            sim.sleep(Duration.ofMillis(1));
            DatagramChannel channel = DatagramChannel.open();
            assertNull(channel.getLocalAddress());
            assertThrows(NotYetConnectedException.class, () -> channel.write(ByteBuffer.allocate(1)));
            channel.connect(server);
            assertEquals(server, channel.getRemoteAddress());
            assertEquals(Net.resolve("sim").getFirst(), ((InetSocketAddress) channel.getLocalAddress())
                    .getAddress(), "bound on first use to the test body's own simulated address");
            assertThrows(AlreadyConnectedException.class,
                    () -> channel.send(ByteBuffer.allocate(1), new InetSocketAddress(host.address(), 9)));
            ByteBuffer[] request = {ByteBuffer.wrap("ab".getBytes()), ByteBuffer.wrap("cd".getBytes())};
            assertEquals(4, channel.write(request, 0, 2));
            ByteBuffer[] reply = {ByteBuffer.allocate(3), ByteBuffer.allocate(3)};
            assertEquals(4, channel.read(reply, 0, 2));
            assertEquals("ABC", new String(reply[0].array()));
            assertEquals('D', (char) reply[1].get(0));
            var waiting = sim.spawn(() -> {
                try {
                    channel.receive(ByteBuffer.allocate(8));
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            sim.sleep(Duration.ofSeconds(1));
            channel.close();
            assertInstanceOf(AsynchronousCloseException.class, waiting.join());
        });
    }
}
