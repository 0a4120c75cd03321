package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimContext;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Clogs, holds and the messages in flight: held, then delivered in send order, dropped or delivered by the test. */
class SimNetClogTest {
    private static final Duration LATENCY = Duration.ofMillis(2);

    @Test
    void aClogHoldsDatagramsAndStreamBytesAndTheUnclogDeliversThemInSendOrder() {
        SimulationResult result = Simulation.ofSeed(1).run(sim -> {
            SimNet net = SimNet.current();
            net.defaults().latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(20)));
            List<Integer> datagrams = new CopyOnWriteArrayList<>();
            sim.host("b", self -> {
                try (UdpSocket socket = UdpSocket.bind("0.0.0.0:5300");
                        TcpListener listener = TcpListener.bind("0.0.0.0:7000")) {
                    Heddle.spawn(() -> receiveInto(socket, datagrams));
                    try (TcpStream connection = listener.accept()) {
                        byte[] all = new byte[20];
                        connection.readExactly(all);
                        for (int i = 0; i < 20; i++) {
                            assertEquals(i, all[i]);
                        }
                    }
                }
            });
            Host a = sim.host("a", self -> {
                try (UdpSocket socket = UdpSocket.bind("0.0.0.0:0");
                        TcpStream stream = TcpStream.connect("b:7000")) {
                    Heddle.sleep(Duration.ofMillis(100));
                    InetSocketAddress b = new InetSocketAddress(Net.resolve("b").getFirst(), 5300);
                    for (int i = 0; i < 20; i++) {
                        socket.send(new byte[] {(byte) i}, b);
                        stream.writeAll(new byte[] {(byte) i});
                        Heddle.sleep(Duration.ofMillis(1));
                    }
                }
            });
            sim.sleep(Duration.ofMillis(50));
            net.clog("b");
            sim.sleep(Duration.ofMillis(400));
            assertEquals(List.of(), datagrams, "nothing reaches a clogged host");
            assertEquals(41, net.inFlight().size(), "20 datagrams, 20 writes and the end: " + net.inFlight());
            assertTrue(net.inFlight().stream().allMatch(InFlight::held), net.inFlight().toString());
            net.unclog("b");
            sim.sleep(Duration.ofMillis(1));
            List<Integer> inOrder = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                inOrder.add(i);
            }
            assertEquals(inOrder, datagrams, "held datagrams arrive in send order, though latencies differ");
            sim.hosts().getFirst().mainTask().join();
            a.mainTask().join();
        });
        assertEquals(1, SimNetPartitionTest.fired(result, "net.clog"));
    }

    @Test
    void swizzleClogEventuallyDeliversEverything() {
        for (long seed = 1; seed <= 8; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).run(sim -> {
                List<String> names = List.of("a", "b", "c", "d", "e");
                Reachability mesh = Reachability.start(sim, names);
                SimNet.current().swizzleClog(names, Duration.ofMillis(40));
                assertTrue(mesh.observe(Duration.ofMillis(10)).size() < 20, "someone is clogged");
                sim.sleep(Duration.ofMillis(400));
                assertEquals(Reachability.allBut(names, java.util.Set.of()), mesh.observe(Duration.ofMillis(30)));
                assertTrue(SimNet.current().inFlight().stream().noneMatch(InFlight::held));
            });
            long clogs = SimNetPartitionTest.fired(result, "net.clog");
            assertTrue(clogs >= 1 && clogs <= 5, clogs + " clogs");
        }
    }

    @Test
    void aHeldLinkKeepsMessagesUntilReleasedAndTheOtherWayStillWorks() {
        Simulation.ofSeed(2).run(sim -> {
            SimNet net = SimNet.current();
            net.defaults().latency(Latency.fixed(LATENCY));
            Reachability mesh = Reachability.start(sim, List.of("a", "b"));
            net.hold("a", "b");
            assertEquals(java.util.Set.of("b->a"), mesh.observe(Duration.ofMillis(30)));
            List<InFlight> held = net.inFlight().stream().filter(m -> m.from().equals("a")).toList();
            assertTrue(held.size() >= 6 && held.stream().allMatch(m -> m.held() && m.from().equals("a")
                    && m.to().equals("b") && m.kind().equals("datagram") && m.bytes() == 1), held.toString());
            net.release("a", "b");
            assertTrue(net.inFlight().stream().noneMatch(InFlight::held), net.inFlight().toString());
            assertEquals(java.util.Set.of("a->b", "b->a"), mesh.observe(Duration.ofMillis(30)));
        });
    }

    @Test
    void aTestDeliversAStreamMessageNowInOrderAndDropsADatagram() {
        Simulation.ofSeed(3).run(sim -> {
            SimNet net = SimNet.current();
            net.defaults().latency(Latency.fixed(Duration.ofMillis(100)));
            List<Integer> datagrams = new CopyOnWriteArrayList<>();
            long[] readAt = new long[1];
            sim.host("b", self -> {
                try (UdpSocket socket = UdpSocket.bind("0.0.0.0:5300");
                        TcpListener listener = TcpListener.bind("0.0.0.0:7000")) {
                    Heddle.spawn(() -> receiveInto(socket, datagrams));
                    try (TcpStream connection = listener.accept()) {
                        byte[] two = new byte[2];
                        connection.readExactly(two);
                        assertArrayEquals(new byte[] {1, 2}, two);
                        readAt[0] = trueNow();
                    }
                }
            });
            Host a = sim.host("a", self -> {
                try (UdpSocket socket = UdpSocket.bind("0.0.0.0:0");
                        TcpStream stream = TcpStream.connect("b:7000")) {
                    socket.send(new byte[] {7}, new InetSocketAddress(Net.resolve("b").getFirst(), 5300));
                    stream.writeAll(new byte[] {1});
                    stream.writeAll(new byte[] {2});
                    Heddle.sleep(Duration.ofSeconds(1));
                }
            });
            sim.sleep(Duration.ofMillis(210));
            List<InFlight> flying = net.inFlight();
            assertEquals(List.of("datagram", "stream", "stream"), flying.stream().map(InFlight::kind).toList());
            assertTrue(flying.getFirst().arrivesIn().toMillis() > 50, flying.toString());
            flying.getFirst().drop();
            flying.get(2).deliver();
            assertEquals(List.of(), net.inFlight());
            long deliveredAt = trueNow();
            sim.hosts().getFirst().mainTask().join();
            assertEquals(deliveredAt, readAt[0], "both writes delivered at once, ahead of their time");
            sim.sleep(Duration.ofMillis(200));
            assertEquals(List.of(), datagrams, "the dropped datagram never arrives");
            a.mainTask().join();
        });
    }

    @Test
    void aDroppedStreamMessageResetsTheConnectionForBothSides() {
        SimulationResult result = Simulation.ofSeed(4).run(sim -> {
            SimNet net = SimNet.current();
            net.defaults().latency(Latency.fixed(Duration.ofMillis(10)));
            sim.host("b", self -> {
                try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                        TcpStream connection = listener.accept()) {
                    SocketException e = assertThrows(SocketException.class,
                            () -> connection.read(new byte[4], 0, 4));
                    assertTrue(e.getMessage().contains("reset") && e.getMessage().contains("dropped by the test"),
                            e.getMessage());
                }
            });
            Host a = sim.host("a", self -> {
                try (TcpStream stream = TcpStream.connect("b:7000")) {
                    stream.writeAll(new byte[] {1, 2, 3});
                    SocketException e = assertThrows(SocketException.class, () -> stream.read(new byte[4], 0, 4));
                    assertTrue(e.getMessage().contains("dropped by the test"), e.getMessage());
                    assertThrows(SocketException.class, () -> stream.writeAll(new byte[] {4}));
                }
            });
            sim.sleep(Duration.ofMillis(25));
            List<InFlight> flying = net.inFlight();
            assertEquals(1, flying.size(), flying.toString());
            assertEquals("stream", flying.getFirst().kind());
            assertEquals(3, flying.getFirst().bytes());
            assertFalse(flying.getFirst().held());
            flying.getFirst().drop();
            a.mainTask().join();
            sim.hosts().getFirst().mainTask().join();
        });
        assertEquals(1, SimNetPartitionTest.fired(result, "net.drop"));
    }

    @Test
    void healAllRepairsUnclogsAndReleasesEverything() {
        Simulation.ofSeed(5).run(sim -> {
            SimNet net = SimNet.current();
            List<String> names = List.of("a", "b", "c");
            Reachability mesh = Reachability.start(sim, names);
            net.partitionOneWay("a", "b");
            net.clogLink("b", "c");
            net.hold("c", "a");
            net.clog("c");
            assertEquals(java.util.Set.of("b->a"), mesh.observe(Duration.ofMillis(30)));
            net.unclog("c");
            assertEquals(java.util.Set.of("a->c", "b->a", "c->b"), mesh.observe(Duration.ofMillis(30)));
            net.healAll();
            assertEquals(Reachability.allBut(names, java.util.Set.of()), mesh.observe(Duration.ofMillis(30)));
            assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(1), () -> sim.sleep(
                    Duration.ofMillis(2))));
        });
    }

    @Test
    void aDroppedConnectionRequestFailsTheConnectNamingTheDrop() {
        Simulation.ofSeed(6).run(sim -> {
            SimNet net = SimNet.current();
            sim.host("srv", self -> TcpListener.bind("0.0.0.0:7000").accept());
            Host client = sim.host("cli", self -> {
                ConnectException e = assertThrows(ConnectException.class, () -> TcpStream.connect("srv:7000"));
                assertTrue(e.getMessage().contains("lost") && e.getMessage().contains("dropped by the test"),
                        e.getMessage());
            });
            net.hold("cli", "srv");
            sim.sleep(Duration.ofMillis(10));
            List<InFlight> flying = net.inFlight();
            assertEquals(List.of("connect"), flying.stream().map(InFlight::kind).toList());
            assertTrue(flying.getFirst().held());
            flying.getFirst().drop();
            client.mainTask().join();
            net.release("cli", "srv");
        });
    }

    /** Notes the first byte of every datagram that arrives, until the socket closes. */
    static Void receiveInto(UdpSocket socket, List<Integer> into) throws IOException {
        try {
            while (true) {
                into.add((int) socket.receive().payload()[0]);
            }
        } catch (ClosedChannelException closed) {
            return null;
        }
    }

    /** The simulation's true virtual time, whatever host's clock the caller reads. */
    static long trueNow() {
        return SimContext.current().orElseThrow().time().now();
    }
}
