package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Partitions of the simulated network: who reaches whom, and connections that stall and resume. */
class SimNetPartitionTest {
    private static final Duration WINDOW = Duration.ofMillis(50);
    private static final List<String> THREE = List.of("a", "b", "c");
    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void aOneWayPartitionLosesDatagramsOneWayOnlyUntilRepaired() {
        SimulationResult result = Simulation.ofSeed(1).run(sim -> {
            Reachability mesh = Reachability.start(sim, List.of("a", "b"));
            assertEquals(Set.of("a->b", "b->a"), mesh.observe(WINDOW));
            SimNet.current().partitionOneWay("b", "a");
            assertEquals(Set.of("a->b"), mesh.observe(WINDOW));
            SimNet.current().repair("a", "b");
            assertEquals(Set.of("a->b", "b->a"), mesh.observe(WINDOW));
        });
        assertTrue(fired(result, "net.partition") == 1, result.faults().toString());
        assertTrue(fired(result, "net.partition.drop") > 5, result.faults().toString());
    }

    @Test
    void aSymmetricPartitionCutsBothWaysAndRepairAllUndoesIt() {
        Simulation.ofSeed(2).run(sim -> {
            Reachability mesh = Reachability.start(sim, THREE);
            SimNet.current().partition(List.of("a"), List.of("b", "c"));
            assertEquals(Set.of("b->c", "c->b"), mesh.observe(WINDOW));
            SimNet.current().repairAll();
            assertEquals(Reachability.allBut(THREE, Set.of()), mesh.observe(WINDOW));
        });
    }

    @Test
    void isolateCutsOneHostFromAllOthers() {
        Simulation.ofSeed(3).run(sim -> {
            Reachability mesh = Reachability.start(sim, FIVE);
            SimNet.current().isolate("n3");
            Set<String> cut = new TreeSet<>();
            for (String other : FIVE) {
                cut.add("n3->" + other);
                cut.add(other + "->n3");
            }
            assertEquals(Reachability.allBut(FIVE, cut), mesh.observe(WINDOW));
        });
    }

    @Test
    void splitMajorityCutsASeededMinorityFromTheMajority() {
        Set<List<String>> minorities = new java.util.HashSet<>();
        for (long seed = 1; seed <= 8; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Reachability mesh = Reachability.start(sim, FIVE);
                List<String> minority = SimNet.current().splitMajority();
                assertEquals(2, minority.size(), minority.toString());
                minorities.add(minority);
                Set<String> cut = new TreeSet<>();
                for (String m : minority) {
                    for (String other : FIVE) {
                        if (!minority.contains(other)) {
                            cut.add(m + "->" + other);
                            cut.add(other + "->" + m);
                        }
                    }
                }
                assertEquals(Reachability.allBut(FIVE, cut), mesh.observe(WINDOW));
            });
        }
        assertTrue(minorities.size() > 1, "the seed picks the minority: " + minorities);
    }

    @Test
    void bridgeLeavesOneHostSeeingBothHalves() {
        Simulation.ofSeed(4).run(sim -> {
            Reachability mesh = Reachability.start(sim, FIVE);
            SimNet.current().bridge();
            Set<String> seen = mesh.observe(WINDOW);
            List<String> bridges = FIVE.stream().filter(h -> reaches(seen, h).size() == 4).toList();
            assertEquals(1, bridges.size(), seen.toString());
            List<String> others = FIVE.stream().filter(h -> !bridges.contains(h)).toList();
            for (String h : others) {
                Set<String> reached = reaches(seen, h);
                assertTrue(reached.contains(bridges.getFirst()), h + " reaches the bridge: " + seen);
                assertEquals(2, reached.size(), h + " reaches its half and the bridge: " + seen);
                for (String r : reached) {
                    assertTrue(reaches(seen, r).contains(h), "symmetric: " + seen);
                }
            }
        });
    }

    @Test
    void ringLetsEachHostHearADifferentMajority() {
        Simulation.ofSeed(5).run(sim -> {
            Reachability mesh = Reachability.start(sim, FIVE);
            SimNet.current().ring();
            Set<String> seen = mesh.observe(WINDOW);
            Set<Set<String>> majorities = new java.util.HashSet<>();
            for (String h : FIVE) {
                Set<String> heard = new TreeSet<>(heardBy(seen, h));
                heard.add(h);
                assertEquals(3, heard.size(), h + " hears a majority with itself: " + seen);
                majorities.add(heard);
            }
            assertEquals(5, majorities.size(), "no two hosts see the same majority: " + seen);
        });
    }

    @Test
    void aStreamAcrossAOneWayPartitionStallsUntilTheReadersTimeoutAndResumesInOrderAfterRepair() {
        Simulation.ofSeed(6).run(sim -> {
            sim.host("srv", self -> {
                try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                        TcpStream connection = listener.accept()) {
                    byte[] first = new byte[1];
                    connection.readExactly(first);
                    assertEquals(1, first[0]);
                    assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(200),
                            () -> connection.read(new byte[8], 0, 8)));
                    connection.writeAll(new byte[] {9});
                    byte[] rest = new byte[3];
                    connection.readExactly(rest);
                    assertArrayEquals(new byte[] {2, 3, 4}, rest);
                    connection.writeAll(new byte[] {10});
                }
            });
            sim.host("cli", self -> {
                try (TcpStream stream = TcpStream.connect("srv:7000")) {
                    stream.writeAll(new byte[] {1});
                    Heddle.sleep(Duration.ofMillis(50));
                    stream.writeAll(new byte[] {2});
                    stream.writeAll(new byte[] {3, 4});
                    byte[] answer = new byte[1];
                    stream.readExactly(answer);
                    assertEquals(9, answer[0], "srv -> cli still works");
                    stream.readExactly(answer);
                    assertEquals(10, answer[0]);
                }
            });
            sim.sleep(Duration.ofMillis(30));
            SimNet.current().partitionOneWay("cli", "srv");
            sim.sleep(Duration.ofMillis(400));
            assertTrue(SimNet.current().inFlight().stream().anyMatch(m -> m.kind().equals("stream")),
                    SimNet.current().inFlight().toString());
            SimNet.current().repair("srv", "cli");
            sim.hosts().get(1).mainTask().join();
            sim.hosts().get(0).mainTask().join();
        });
    }

    @Test
    void aConnectAcrossACutStallsUntilItsTimeoutAndOneAfterTheRepairSucceeds() {
        Simulation.ofSeed(7).run(sim -> {
            sim.host("srv", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
            SimNet.current().isolate("srv");
            SimNet.current().partition(List.of("sim"), List.of("srv"));
            assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofSeconds(5),
                    () -> TcpStream.connect("srv:7000")));
            SimNet.current().repairAll();
            EchoClient.exchange("srv:7000", 3);
            sim.hosts().getFirst().crash();
        });
    }

    @Test
    void theClassCommentsExampleReadsHelloAfterTheRepair() {
        Simulation.ofSeed(8).run(sim -> {
            byte[] read = new byte[5];
            long[] readAt = new long[1];
            Host b = sim.host("b", self -> {
                try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                        TcpStream peer = listener.accept()) {
                    peer.readExactly(read);
                    readAt[0] = SimNetClogTest.trueNow();
                }
            });
            sim.host("a", self -> {
                try (TcpStream stream = TcpStream.connect("b:7000")) {
                    Heddle.sleep(Duration.ofSeconds(1));
                    stream.writeAll("hello".getBytes(StandardCharsets.UTF_8));
                }
            });
            SimNet net = SimNet.current();
            net.defaults().latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)));
            sim.sleep(Duration.ofMillis(100));
            net.partition(List.of("a"), List.of("b"));
            sim.sleep(Duration.ofSeconds(5));
            long repairedAt = SimNetClogTest.trueNow();
            net.repair("a", "b");
            b.mainTask().join();
            assertEquals("hello", new String(read, StandardCharsets.UTF_8));
            assertTrue(readAt[0] > repairedAt, "read after the repair");
        });
    }

    private static Set<String> reaches(Set<String> seen, String host) {
        Set<String> out = new TreeSet<>();
        for (String link : seen) {
            if (link.startsWith(host + "->")) {
                out.add(link.substring(host.length() + 2));
            }
        }
        return out;
    }

    private static Set<String> heardBy(Set<String> seen, String host) {
        Set<String> out = new TreeSet<>();
        for (String link : seen) {
            if (link.endsWith("->" + host)) {
                out.add(link.substring(0, link.length() - host.length() - 2));
            }
        }
        return out;
    }

    static long fired(SimulationResult result, String kind) {
        return result.faults().stream().filter(f -> f.name().equals(kind)).mapToLong(f -> f.fired()).sum();
    }
}
