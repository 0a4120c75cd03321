package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.select.Select;
import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What goes wrong on the simulated network: refused, unknown hosts, ports in use, crashes, given-up waits. */
class SimulatedNetworkFailuresTest {
    private static final Duration LATENCY = Duration.ofMillis(3);

    @Test
    void connectingToAPortNoOneListensOnIsRefusedAfterOneRoundTrip() {
        Simulation.ofSeed(1).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            sim.host("server", self -> { });
            long start = sim.now();
            ConnectException e = assertThrows(ConnectException.class, () -> TcpStream.connect("server:9"));
            assertTrue(e.getMessage().contains("192.0.2.1:9") && e.getMessage().contains("refused"),
                    e.getMessage());
            assertEquals(2 * LATENCY.toNanos(), sim.now() - start);
        });
    }

    @Test
    void unknownHostNamesAreUnknownAndNamesResolveToHosts() {
        Simulation.ofSeed(1).run(sim -> {
            Host server = sim.host("server", self -> { });
            assertEquals(server.address(), Net.resolve("server").getFirst());
            UnknownHostException e = assertThrows(UnknownHostException.class,
                    () -> TcpStream.connect("nowhere:80"));
            assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("server"), e.getMessage());
        });
    }

    @Test
    void aPortInUseCannotBeBoundAgainButPortZeroPicksAFreeOne() {
        Simulation.ofSeed(1).run(sim -> {
            sim.host("server", self -> {
                try (TcpListener first = TcpListener.bind("0.0.0.0:7000")) {
                    BindException e = assertThrows(BindException.class, () -> TcpListener.bind("server:7000"));
                    assertTrue(e.getMessage().contains("7000") && e.getMessage().contains("in use"),
                            e.getMessage());
                    try (TcpListener any = TcpListener.bind("0.0.0.0:0")) {
                        assertTrue(any.localAddress().getPort() != 7000);
                        assertEquals(self.address(), any.localAddress().getAddress());
                    }
                }
                TcpListener.bind("0.0.0.0:7000").close();
            }).mainTask().join();
        });
    }

    @Test
    void aCrashResetsTheHostsStreamsForTheirPeersAndClosesItsListeners() {
        Simulation.ofSeed(1).run(sim -> {
            Host server = sim.host("server", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
            TcpStream stream = TcpStream.connect("server:7000");
            stream.writeAll(new byte[] {1, 2, 3});
            byte[] echo = new byte[3];
            stream.readExactly(echo);
            assertArrayEquals(new byte[] {1, 2, 3}, echo);
            server.crash();
            SocketException e = assertThrows(SocketException.class, () -> stream.read(new byte[8], 0, 8));
            assertTrue(e.getMessage().contains("reset") && e.getMessage().contains("server"), e.getMessage());
            assertThrows(SocketException.class, () -> stream.writeAll(new byte[] {4}));
            stream.close();
            assertThrows(ConnectException.class, () -> TcpStream.connect("server:7000"));
            server.restart();
            sim.sleep(Duration.ofMillis(1));
            EchoClient.exchange("server:7000", 3);
        });
    }

    @Test
    void aReadGivenUpTakesNothingAndTheNextReadGetsTheBytes() {
        Simulation.ofSeed(1).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            sim.host("server", self -> {
                try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                        TcpStream connection = listener.accept()) {
                    sim.sleep(Duration.ofMillis(20));
                    connection.writeAll(new byte[] {42});
                    connection.shutdownOutput();
                    sim.sleep(Duration.ofSeconds(1));
                }
            });
            try (TcpStream stream = TcpStream.connect("server:7000")) {
                byte[] buffer = new byte[4];
                assertThrows(Elapsed.class, () -> Select.timeout(Duration.ofMillis(5), stream.readableOp()));
                assertThrows(Elapsed.class,
                        () -> Heddle.clock().timeout(Duration.ofMillis(5), () -> stream.read(buffer, 0, 4)));
                sim.sleep(Duration.ofMillis(30));
                assertEquals(1, stream.read(buffer, 0, 4));
                assertEquals(42, buffer[0]);
                assertEquals(-1, stream.read(buffer, 0, 4));
            }
        });
    }

    @Test
    void aConnectGivenUpLeavesNothingOpen() {
        Simulation.ofSeed(1).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            Host server = sim.host("server", self -> {
                try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                        TcpStream orphan = listener.accept()) {
                    assertEquals(-1, orphan.read(new byte[1], 0, 1), "the client closed it");
                }
            });
            assertThrows(Elapsed.class, () -> Heddle.clock().timeout(LATENCY.plusMillis(1),
                    () -> TcpStream.connect("server:7000")));
            server.mainTask().join();
        });
    }

    @Test
    void shutdownOutputEndsThePeersReadsAndCloseFailsLaterUse() {
        Simulation.ofSeed(1).run(sim -> {
            sim.host("server", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
            TcpStream stream = TcpStream.connect("server:7000");
            stream.writeAll(new byte[] {7});
            stream.shutdownOutput();
            assertThrows(ClosedChannelException.class, () -> stream.writeAll(new byte[] {8}));
            byte[] buffer = new byte[4];
            assertEquals(1, stream.read(buffer, 0, 4));
            assertEquals(-1, stream.read(buffer, 0, 4));
            stream.close();
            assertFalse(stream.isOpen());
            assertThrows(ClosedChannelException.class, () -> stream.read(buffer, 0, 4));
        });
    }
}
