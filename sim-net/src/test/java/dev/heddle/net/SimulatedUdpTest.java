package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.HostClock;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Datagrams between simulated hosts: the seeded latency, replies to the sender, loss when no one is bound. */
class SimulatedUdpTest {
    private static final Duration LATENCY = Duration.ofMillis(2);

    @Test
    void aDatagramArrivesAfterTheLatencyAndTheReplyGoesBackToItsSender() {
        Simulation.ofSeed(1).checkDeterminism(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            sim.host("server", self -> {
                try (UdpSocket socket = UdpSocket.bind("0.0.0.0:5300")) {
                    Datagram question = socket.receive();
                    socket.send(question.payload(), question.sender());
                }
            });
            Host client = sim.host("client", HostClock.EXACT, self -> {
                try (UdpSocket socket = UdpSocket.bind("0.0.0.0:0")) {
                    long start = Heddle.now();
                    socket.send(new byte[] {1, 2}, new InetSocketAddress(Net.resolve("server").getFirst(), 5300));
                    Datagram answer = socket.receive();
                    assertArrayEquals(new byte[] {1, 2}, answer.payload());
                    assertEquals(new InetSocketAddress(Net.resolve("server").getFirst(), 5300), answer.sender());
                    assertEquals(2 * LATENCY.toNanos(), Heddle.now() - start);
                }
            });
            client.mainTask().join();
        });
    }

    @Test
    void aDatagramToAPortNoOneBindsIsLostAndAPortInUseCannotBeBound() {
        Simulation.ofSeed(1).run(sim -> {
            sim.host("server", self -> { });
            try (UdpSocket socket = UdpSocket.bind("0.0.0.0:5300")) {
                assertThrows(BindException.class, () -> UdpSocket.bind("0.0.0.0:5300"));
                socket.send(new byte[] {1}, new InetSocketAddress(Net.resolve("server").getFirst(), 9));
                assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofSeconds(1), socket::receive));
            }
        });
    }
}
