package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unmodified {@link InetAddress} lookups in a simulated task answer from the run's hosts, and
 * from the JDK's resolver everywhere else in the same JVM, without one run's answer leaking
 * into another run through the JDK's lookup cache.
 */
class SimulatedNameLookupTest {

    @Test
    void aTaskResolvesSimulatedHostNamesAndAddresses() {
        Simulation.ofSeed(1).run(sim -> {
            Host db = sim.host("db1", self -> {});
            Host app = sim.host("app", self -> {
                InetAddress found = InetAddress.getByName("db1");
                assertEquals(db.address(), found);
                assertEquals("db1", found.getHostName());
                assertArrayEquals(new InetAddress[] {db.address()}, InetAddress.getAllByName("db1"));
                InetAddress literal = InetAddress.getByName(db.address().getHostAddress());
                assertEquals(db.address(), literal);
                assertEquals("db1", InetAddress.getByAddress(db.address().getAddress()).getHostName());
                assertEquals("db1", literal.getCanonicalHostName());
                // no simulated host is "localhost": the JDK then answers the real loopback itself
                assertTrue(InetAddress.getByName("localhost").isLoopbackAddress());
            });
            app.mainTask().join();
            // the test body, outside every host, is a task of the run too, and has a name of its own
            assertEquals(app.address(), InetAddress.getByName("app"));
            InetAddress body = InetAddress.getByName("sim");
            assertEquals("198.18.0.1", body.getHostAddress());
            assertEquals("sim", InetAddress.getByAddress(body.getAddress()).getHostName());
        });
    }

    @Test
    void anUnknownNameRaisesUnknownHostExceptionNamingIt() {
        Simulation.ofSeed(2).run(sim -> {
            sim.host("db1", self -> {});
            UnknownHostException e = assertThrows(UnknownHostException.class, () -> InetAddress.getByName("db2"));
            assertTrue(e.getMessage().startsWith("db2: no simulated host has this name"), e.getMessage());
            assertTrue(e.getMessage().contains("[db1]"), e.getMessage());
            // a second lookup asks again instead of answering from a cached failure
            sim.host("db2", self -> {});
            assertEquals("db2", InetAddress.getByName("db2").getHostName());
        });
    }

    @Test
    void anUnknownAddressHasNoNameInSimulation() {
        Simulation.ofSeed(3).run(sim -> {
            byte[] nobody = {(byte) 192, 0, 2, (byte) 200};
            // the JDK turns a failed reverse lookup into the literal address
            assertEquals("192.0.2.200", InetAddress.getByAddress(nobody).getHostName());
        });
    }

    /**
     * {@code InetAddress.getLocalHost()} looks up this machine's real name; in a task that lookup
     * is refused, pointing to {@code Host.current()}. (The JDK keeps getLocalHost's answer for five
     * seconds, before any resolver, so this test looks the name up itself.)
     */
    @Test
    void theMachinesRealNameIsRefusedInATaskPointingToHostCurrent() throws Exception {
        String machine = InetAddress.getLocalHost().getHostName();
        assumeFalse(machine.equals("localhost"), "the JDK answers 'localhost' itself, without a resolver");
        Simulation.ofSeed(4).run(sim -> {
            Host app = sim.host("app", self -> {
                UnknownHostException e = assertThrows(UnknownHostException.class, () -> InetAddress.getByName(machine));
                assertTrue(e.getMessage().contains("Host.current()"), e.getMessage());
            });
            app.mainTask().join();
        });
    }

    @Test
    void outsideASimulationTheJdkResolverAnswersInTheSameJvm() throws Exception {
        Simulation.ofSeed(5).run(sim -> {
            sim.host("localhost-twin", self -> {});
            assertEquals("localhost-twin", InetAddress.getByName("localhost-twin").getHostName());
        });
        InetAddress localhost = InetAddress.getByName("localhost");
        assertTrue(localhost.isLoopbackAddress(), localhost.toString());
        // a reverse lookup only the JDK's resolver (reading /etc/hosts) can answer
        assertEquals("localhost", InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getHostName());
    }

    @Test
    void twoSimulationsWithDifferentHostsBehindOneNameDoNotSeeEachOthersAnswer() {
        InetAddress first = dbAddressIn(List.of("db"));
        InetAddress second = dbAddressIn(List.of("web", "db"));
        assertEquals("192.0.2.1", first.getHostAddress());
        assertEquals("192.0.2.2", second.getHostAddress());
        Simulation.ofSeed(6).run(sim -> assertThrows(UnknownHostException.class, () -> InetAddress.getByName("db")));
    }

    /** Starts {@code names} as hosts in order and returns what a task resolves "db" to, checked against the host. */
    private static InetAddress dbAddressIn(List<String> names) {
        List<InetAddress> found = new ArrayList<>();
        Simulation.ofSeed(7).run(sim -> {
            for (String name : names) {
                sim.host(name, self -> {});
            }
            InetAddress db = InetAddress.getByName("db");
            assertEquals(sim.hosts().getLast().address(), db);
            found.add(db);
        });
        return found.getFirst();
    }

    @Test
    void lookupsKeepTheRunDeterministic() {
        for (long seed = 1; seed <= 20; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(sim -> {
                List<String> clients = List.of("a", "b", "c");
                Host server = sim.host("server", self -> {
                    try (TcpListener listener = TcpListener.bind("0.0.0.0:7000")) {
                        for (int i = 0; i < clients.size(); i++) {
                            listener.accept().close();
                        }
                    }
                });
                List<Host> started = new ArrayList<>();
                for (String name : clients) {
                    started.add(sim.host(name, self -> {
                        String peer = clients.get(sim.random().nextInt(clients.size()));
                        assertEquals(peer, InetAddress.getByName(peer).getHostName());
                        InetAddress target = InetAddress.getByName("server");
                        TcpStream.connect(new InetSocketAddress(target, 7000)).close();
                    }));
                }
                for (Host client : started) {
                    client.mainTask().join();
                }
                server.mainTask().join();
            });
            assertTrue(result.virtualNanos() > 0, result.toString());
        }
    }
}
