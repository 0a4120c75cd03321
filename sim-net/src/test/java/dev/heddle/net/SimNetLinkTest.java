package dev.heddle.net;

import static dev.heddle.net.SimNetClogTest.trueNow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Link settings: bandwidth, the stream window, and loss, duplication, reordering and latency as configured. */
class SimNetLinkTest {
    private static final int PORT = 5300;

    @Test
    void bandwidthMakesALargeMessageWaitForTheWireAndTheNextWaitForIt() {
        Simulation.ofSeed(1).run(sim -> {
            SimNet net = SimNet.current();
            net.defaults().latency(Latency.fixed(Duration.ofMillis(1)));
            List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
            sim.host("b", self -> receiveTimes(arrivals));
            Host a = sim.host("a", self -> {
                try (UdpSocket socket = UdpSocket.bind("0.0.0.0:0")) {
                    InetSocketAddress b = new InetSocketAddress(Net.resolve("b").getFirst(), PORT);
                    socket.send(stamped(5000, trueNow()), b);
                    socket.send(stamped(5000, trueNow()), b);
                    socket.send(stamped(16, trueNow()), b);
                }
            });
            net.link("a", "b").bandwidth(10_000);
            a.mainTask().join();
            sim.sleep(Duration.ofSeconds(2));
            assertEquals(3, arrivals.size());
            assertEquals(Duration.ofMillis(501).toNanos(), arrivals.get(0)[1] - arrivals.get(0)[0],
                    "5000 B at 10 kB/s");
            assertEquals(Duration.ofMillis(1001).toNanos(), arrivals.get(1)[1] - arrivals.get(1)[0], "after the first");
            assertEquals(Duration.ofMillis(1003).toNanos(), arrivals.get(2)[1] - arrivals.get(2)[0], "16 B after both");
        });
    }

    @Test
    void aWriterStallsOnAFullWindowAcrossAPartitionTimesOutAndGoesOnAfterTheRepair() {
        Simulation.ofSeed(2).run(sim -> {
            SimNet net = SimNet.current();
            int total = 2 * 64 * 1024 + 1;
            byte[] sent = new byte[total];
            for (int i = 0; i < total; i++) {
                sent[i] = (byte) (i * 31);
            }
            Host server = sim.host("srv", self -> {
                try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                        TcpStream connection = listener.accept()) {
                    byte[] received = new byte[total];
                    connection.readExactly(received);
                    assertArrayEquals(sent, received);
                    assertEquals(-1, connection.read(new byte[1], 0, 1));
                }
            });
            Host client = sim.host("cli", self -> {
                try (TcpStream stream = TcpStream.connect("srv:7000")) {
                    stream.writeAll(sent, 0, 64 * 1024);
                    Heddle.sleep(Duration.ofMillis(50));
                    net.partition(List.of("cli"), List.of("srv"));
                    stream.writeAll(sent, 64 * 1024, 64 * 1024);
                    long start = trueNow();
                    assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofSeconds(1),
                            () -> {
                                stream.writeAll(sent, 2 * 64 * 1024, 1);
                                return null;
                            }));
                    assertEquals(Duration.ofSeconds(1).toNanos(), trueNow() - start, "the write waited its timeout");
                    net.repair("srv", "cli");
                    stream.writeAll(sent, 2 * 64 * 1024, 1);
                }
            });
            client.mainTask().join();
            server.mainTask().join();
        });
    }

    @Test
    void datagramLossAndDuplicationRatesMatchTheConfiguredOnes() {
        int n = 20_000;
        double loss = 0.1;
        double duplicate = 0.05;
        List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
        SimulationResult result = Simulation.ofSeed(3).run(sim -> {
            sim.host("b", self -> receiveTimes(arrivals));
            Host a = sendMany(sim, n);
            SimNet.current().link("a", "b").loss(loss).duplicate(duplicate);
            a.mainTask().join();
            sim.sleep(Duration.ofSeconds(1));
        });
        long distinct = arrivals.stream().mapToLong(a -> a[2]).distinct().count();
        double lossSeen = 1 - (double) distinct / n;
        double duplicateSeen = (double) (arrivals.size() - distinct) / distinct;
        // Five standard deviations of a binomial rate over these counts: about 0.011 and 0.0115.
        assertEquals(loss, lossSeen, 0.011, "loss");
        assertEquals(duplicate, duplicateSeen, 0.0115, "duplication");
        assertEquals(n - distinct, SimNetPartitionTest.fired(result, "net.drop"));
        assertEquals(arrivals.size() - distinct, SimNetPartitionTest.fired(result, "net.duplicate"));
    }

    @Test
    void latencyPercentilesMatchTheConfiguredDistribution() {
        int n = 20_000;
        List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
        SimulationResult result = Simulation.ofSeed(4).run(sim -> {
            sim.host("b", self -> receiveTimes(arrivals));
            Host a = sendMany(sim, n);
            SimNet.current().link("a", "b").latency(Latency.of(Duration.ofMillis(1), Duration.ofMillis(10), 0.05,
                    Duration.ofMillis(200)));
            a.mainTask().join();
            sim.sleep(Duration.ofSeconds(1));
        });
        long[] latencies = arrivals.stream().mapToLong(a -> a[1] - a[0]).sorted().toArray();
        assertEquals(n, latencies.length);
        // Body uniform on [1, 19] ms with 0.95, tail uniform on (19, 200] ms with 0.05; arrivals are
        // rounded up to the millisecond. p50 = 1 + 18 * 0.5 / 0.95 = 10.47 ms; p99 = 200 - 181 * 0.01 / 0.05
        // = 163.8 ms. Tolerances: about five standard deviations of each quantile over 20,000 draws, plus
        // the rounding.
        double p50 = latencies[n / 2] / 1e6;
        double p99 = latencies[n * 99 / 100] / 1e6;
        assertEquals(10.47 + 0.5, p50, 0.6, "p50 in ms");
        assertEquals(163.8 + 0.5, p99, 13, "p99 in ms");
        assertTrue(latencies[0] >= Duration.ofMillis(1).toNanos() && latencies[n - 1] <= Duration.ofMillis(200)
                .toNanos(), Arrays.toString(new long[] {latencies[0], latencies[n - 1]}));
        double tail = (double) SimNetPartitionTest.fired(result, "net.delay.tail") / n;
        assertEquals(0.05, tail, 0.0078, "tail share, five standard deviations");
    }

    @Test
    void reorderedDatagramsArriveAfterLaterOnesAndAllArrive() {
        int n = 2_000;
        List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
        SimulationResult result = Simulation.ofSeed(5).run(sim -> {
            sim.host("b", self -> receiveTimes(arrivals));
            Host a = sendMany(sim, n);
            SimNet.current().link("a", "b").latency(Latency.fixed(Duration.ofMillis(5))).reorder(0.2);
            a.mainTask().join();
            sim.sleep(Duration.ofSeconds(1));
        });
        assertEquals(n, arrivals.size());
        long overtaken = 0;
        long highest = -1;
        for (long[] arrival : arrivals) {
            if (arrival[2] < highest) {
                overtaken++;
            }
            highest = Math.max(highest, arrival[2]);
        }
        long reordered = SimNetPartitionTest.fired(result, "net.reorder");
        assertEquals(0.2, (double) reordered / n, 0.045, "reorder share, five standard deviations");
        // Held back by two latencies (10 ms), each is overtaken by datagrams sent after it, but the very last one.
        assertTrue(overtaken >= reordered - 1 && overtaken <= reordered, overtaken + " datagrams overtaken, "
                + reordered + " held back");
    }

    @Test
    void aLossyLinkDelaysAStreamByRetransmissionsButKeepsItCompleteAndInOrder() {
        SimulationResult result = Simulation.ofSeed(6).run(sim -> {
            SimNet.current().defaults().loss(0.3).latency(Latency.fixed(Duration.ofMillis(1)));
            Host server = sim.host("srv", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
            long start = trueNow();
            EchoClient.exchange("srv:7000", 30);
            assertTrue(trueNow() - start > Duration.ofMillis(200).toNanos(), "some retransmission waited");
            server.crash();
        });
        assertTrue(SimNetPartitionTest.fired(result, "net.retransmit") > 10, result.faults().toString());
        assertEquals(0, SimNetPartitionTest.fired(result, "net.drop"), "a stream loses nothing");
    }

    @Test
    void whenEveryRetransmissionIsLostTheConnectFailsOnceTheyHaveAllTimedOut() {
        SimulationResult result = Simulation.ofSeed(7).run(sim -> {
            sim.host("srv", self -> TcpListener.bind("0.0.0.0:7000").accept());
            SimNet.current().link("sim", "srv").loss(1).latency(Latency.fixed(Duration.ofMillis(1)));
            long start = trueNow();
            ConnectException e = assertThrows(ConnectException.class, () -> TcpStream.connect("srv:7000"));
            assertTrue(e.getMessage().contains("15 retransmissions") && e.getMessage().contains("sim -> srv"),
                    e.getMessage());
            // 200 ms doubling to 102.4 s, then six more at the 120 s cap: 924.6 s, plus the latency.
            assertEquals(Duration.ofMillis(924_601).toNanos(), trueNow() - start);
        });
        assertEquals(15, SimNetPartitionTest.fired(result, "net.retransmit"));
        assertEquals(1, SimNetPartitionTest.fired(result, "net.drop"));
    }

    /**
     * Starts host "a", which sends {@code n} stamped datagrams to b, 100 every millisecond, from
     * when the caller (which sets the link first) suspends.
     */
    private static Host sendMany(dev.heddle.sim.Sim sim, int n) {
        return sim.host("a", self -> {
            try (UdpSocket socket = UdpSocket.bind("0.0.0.0:0")) {
                InetSocketAddress b = new InetSocketAddress(Net.resolve("b").getFirst(), PORT);
                for (int i = 0; i < n; i++) {
                    ByteBuffer payload = ByteBuffer.allocate(16).putLong(trueNow()).putLong(i);
                    socket.send(payload.array(), b);
                    if (i % 100 == 99) {
                        Heddle.sleep(Duration.ofMillis(1));
                    }
                }
            }
        });
    }

    private static byte[] stamped(int size, long sentAt) {
        return ByteBuffer.allocate(size).putLong(sentAt).putLong(size).array();
    }

    /** Receives on {@link #PORT} until closed, noting {sent at, arrived at, number} of each datagram. */
    private static void receiveTimes(List<long[]> into) throws IOException {
        try (UdpSocket socket = UdpSocket.bind("0.0.0.0:" + PORT)) {
            while (true) {
                ByteBuffer payload = ByteBuffer.wrap(socket.receive().payload());
                into.add(new long[] {payload.getLong(), trueNow(), payload.getLong()});
            }
        } catch (ClosedChannelException closed) {
            // the host crashed or the run ended
        }
    }

}
