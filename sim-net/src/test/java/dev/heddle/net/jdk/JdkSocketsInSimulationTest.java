package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.Latency;
import dev.heddle.net.SimNet;
import dev.heddle.sim.Host;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line protocol's unmodified JDK code ({@link LineServer}, {@link LineClient}) gives the same
 * outcomes, the same exception types and messages, on real loopback and, in simulated tasks, on
 * the simulated network, where a partition and a crash stand for what a real network does.
 */
class JdkSocketsInSimulationTest {
    private static final int PORT = 7000;
    private static final Duration LATENCY = Duration.ofMillis(2);

    @Test
    void theLineProtocolAnswersAlikeOnLoopbackAndInSimulation() throws Exception {
        List<String> real = Loopback.withLineServer(JdkSocketsInSimulationTest::conversation);
        List<String> simulated = new ArrayList<>();
        Simulation.ofSeed(1).run(sim -> {
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            Host client = sim.host("client", self -> {
                simulated.addAll(conversation("server", PORT));
                try (LineClient c = LineClient.connect("server", PORT, 0)) {
                    assertEquals(self.address(), c.socket().getLocalAddress());
                    assertEquals(server.address(), c.socket().getInetAddress());
                    assertEquals(PORT, c.socket().getPort());
                }
            });
            client.mainTask().join();
            server.crash();
        });
        assertEquals(List.of("PONG a", "PONG b", "BYE 3"), real);
        assertEquals(real, simulated);
    }

    @Test
    void aVirtualThreadStartedInASimulatedTaskIsSimulatedToo() {
        Simulation.ofSeed(2).run(sim -> {
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            Host client = sim.host("client", self -> {
                List<String> answers = new ArrayList<>();
                InetAddress[] local = new InetAddress[1];
                Thread thread = Thread.ofVirtual().start(() -> {
                    try (LineClient c = LineClient.connect("server", PORT, 0)) {
                        local[0] = c.socket().getLocalAddress();
                        answers.add(c.ping("v"));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                thread.join();
                assertEquals(List.of("PONG v"), answers);
                assertEquals(self.address(), local[0]);
            });
            client.mainTask().join();
            server.crash();
        });
    }

    @Test
    void aSilentPeerTimesTheReadOutAlikeOnLoopbackAndUnderAPartition() throws Exception {
        List<String> real = Loopback.withLineServer((host, port) -> {
            try (LineClient client = LineClient.connect(host, port, 0)) {
                client.socket().setSoTimeout(200);
                return List.of(outcome(() -> client.send("SILENT")));
            }
        });
        List<String> simulated = new ArrayList<>();
        Simulation.ofSeed(3).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            Host client = sim.host("client", self -> {
                try (LineClient c = LineClient.connect("server", PORT, 0)) {
                    assertEquals("PONG before", c.ping("before"));
                    SimNet.current().partition(List.of("client"), List.of("server"));
                    c.socket().setSoTimeout(5_000);
                    long start = sim.now();
                    simulated.add(outcome(() -> c.send("PING during")));
                    assertTimedOutAfter(Duration.ofSeconds(5), sim.now() - start);
                    simulated.add(outcome(() -> LineClient.connect("server", PORT, 2_000)));
                    SimNet.current().repairAll();
                    c.socket().setSoTimeout(0);
                    assertEquals("PONG during", c.send("PING after"), "a timed-out read lost nothing");
                    assertEquals("PONG after", c.send("PING again"));
                }
            });
            client.mainTask().join();
            server.crash();
        });
        assertEquals(List.of("java.net.SocketTimeoutException: Read timed out"), real);
        assertEquals(List.of(real.getFirst(), "java.net.SocketTimeoutException: Connect timed out"), simulated);
    }

    @Test
    void aCrashResetsTheConnectionAndRefusesTheNextAlikeOnLoopbackAndInSimulation() throws Exception {
        List<String> real = Loopback.crashing((host, port, crash) -> {
            LineClient client = LineClient.connect(host, port, 0);
            crash.run();
            return List.of(outcome(client::receive), outcome(() -> LineClient.connect(host, port, 0)));
        });
        List<String> simulated = new ArrayList<>();
        Simulation.ofSeed(4).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(LATENCY));
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            Host client = sim.host("client", self -> {
                LineClient c = LineClient.connect("server", PORT, 0);
                assertEquals("PONG x", c.ping("x"));
                server.crash();
                simulated.add(outcome(c::receive));
                simulated.add(outcome(() -> LineClient.connect("server", PORT, 0)));
                c.close();
                server.restart();
                sim.sleep(Duration.ofMillis(1));
                try (LineClient again = LineClient.connect("server", PORT, 0)) {
                    assertEquals("PONG back", again.ping("back"));
                }
            });
            client.mainTask().join();
            server.crash();
        });
        assertEquals(List.of("java.net.SocketException: Connection reset",
                "java.net.ConnectException: Connection refused"), real);
        assertEquals(real, simulated);
    }

    @Test
    void anHourOfSoTimeoutPassesInVirtualTimeForReadsAndAccepts() {
        Simulation.ofSeed(5).run(sim -> sim.host("server", self -> {
            try (ServerSocket listening = new ServerSocket(PORT)) {
                listening.setSoTimeout(3_600_000);
                long start = sim.now();
                SocketTimeoutException accept = assertThrows(SocketTimeoutException.class, listening::accept);
                assertEquals("Accept timed out", accept.getMessage());
                assertTimedOutAfter(Duration.ofHours(1), sim.now() - start);
                Thread peer = Thread.ofVirtual().start(() -> {
                    try (Socket quiet = listening.accept()) {
                        assertEquals(-1, quiet.getInputStream().read(), "the client closes after its timeout");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                try (Socket socket = new Socket("server", PORT)) {
                    socket.setSoTimeout(3_600_000);
                    long before = sim.now();
                    SocketTimeoutException read = assertThrows(SocketTimeoutException.class,
                            () -> socket.getInputStream().read());
                    assertEquals("Read timed out", read.getMessage());
                    assertTimedOutAfter(Duration.ofHours(1), sim.now() - before);
                }
                peer.join();
            }
        }).mainTask().join());
    }

    @Test
    void halfCloseEndsThePeersInputAndKeepsThisSidesAsOnLoopback() throws Exception {
        List<String> real = Loopback.withLineServer(JdkSocketsInSimulationTest::halfClose);
        List<String> simulated = new ArrayList<>();
        Simulation.ofSeed(6).run(sim -> {
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            simulated.addAll(halfClose("server", PORT));
            server.crash();
        });
        assertEquals(List.of("PONG h", "BYE 2", "java.net.SocketException: Socket output is shutdown",
                "end of input: -1", "available 0"), real);
        assertEquals(real, simulated);
    }

    /** Ends the output after two lines, reads the answers to the end, then tries both directions. */
    private static List<String> halfClose(String host, int port) throws IOException {
        try (LineClient client = LineClient.connect(host, port, 0)) {
            List<String> seen = new ArrayList<>(client.sendAndFinish("PING h", "NOTE"));
            seen.add(outcome(() -> client.socket().getOutputStream().write(1)));
            InputStream input = client.socket().getInputStream();
            client.socket().shutdownInput();
            seen.add("end of input: " + input.read());
            seen.add("available " + input.available());
            return seen;
        }
    }

    @Test
    void closingASocketFailsAReadWaitingInAnotherTaskWithSocketClosed() {
        Simulation.ofSeed(7).run(sim -> {
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            Socket socket = new Socket("server", PORT);
            List<String> seen = new ArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> seen.add(outcome(() -> socket.getInputStream().read())));
            sim.sleep(Duration.ofMillis(50));
            socket.close();
            reader.join();
            assertEquals(List.of("java.net.SocketException: Socket closed"), seen);
            server.crash();
        });
    }

    @Test
    void interruptingAReadingVirtualThreadClosesTheSocketAlikeOnLoopbackAndInSimulation() throws Exception {
        List<String> real = Loopback.withLineServer((host, port) -> interruptedRead(LineClient.connect(host, port, 0),
                () -> Thread.sleep(100)));
        List<String> simulated = new ArrayList<>();
        Simulation.ofSeed(10).run(sim -> {
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            simulated.addAll(interruptedRead(LineClient.connect("server", PORT, 0),
                    () -> sim.sleep(Duration.ofMillis(100))));
            server.crash();
        });
        assertEquals(List.of("java.net.SocketException: Closed by interrupt", "interrupted true", "closed true"), real);
        assertEquals(real, simulated);
    }

    @Test
    void interruptingAWriteWaitingOnAFullWindowClosesTheSocket() {
        Simulation.ofSeed(11).run(sim -> {
            Host server = sim.host("server", self -> {
                try (ServerSocket listening = new ServerSocket(PORT); Socket neverRead = listening.accept()) {
                    sim.sleep(Duration.ofHours(1));
                }
            });
            Socket socket = new Socket("server", PORT);
            List<String> seen = new ArrayList<>();
            Thread writer = Thread.ofVirtual().start(() -> seen.add(outcome(
                    () -> socket.getOutputStream().write(new byte[1 << 20]))));
            sim.sleep(Duration.ofSeconds(1));
            writer.interrupt();
            writer.join();
            assertEquals(List.of("java.net.SocketException: Closed by interrupt"), seen);
            assertTrue(socket.isClosed());
            server.crash();
        });
    }

    /** A virtual thread reads from {@code client} until another interrupts it after {@code pause}. */
    private static List<String> interruptedRead(LineClient client, Loopback.Action pause) throws Exception {
        List<String> seen = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            seen.add(outcome(client::receive));
            seen.add("interrupted " + Thread.currentThread().isInterrupted());
        });
        pause.run();
        reader.interrupt();
        reader.join();
        seen.add("closed " + client.socket().isClosed());
        return seen;
    }

    @Test
    void optionsAreKeptAsSetAndUrgentDataIsRefusedSayingWhy() {
        Simulation.ofSeed(8).run(sim -> {
            Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
            try (Socket socket = new Socket("server", PORT)) {
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
                socket.setSoLinger(true, 5);
                socket.setReceiveBufferSize(1024);
                socket.setSendBufferSize(2048);
                socket.setReuseAddress(true);
                assertEquals(List.of(true, true, 5, 1024, 2048, true), List.of(socket.getTcpNoDelay(),
                        socket.getKeepAlive(), socket.getSoLinger(), socket.getReceiveBufferSize(),
                        socket.getSendBufferSize(), socket.getReuseAddress()));
                socket.setSoLinger(false, 0);
                assertEquals(-1, socket.getSoLinger());
                assertEquals(true, socket.getOption(java.net.StandardSocketOptions.TCP_NODELAY));
                assertThrows(IllegalArgumentException.class, () -> socket.setSoTimeout(-1));
                SocketException urgent = assertThrows(SocketException.class, () -> socket.sendUrgentData(1));
                assertEquals("Urgent data not supported: TCP urgent (out-of-band) data is not simulated on the"
                        + " simulated network; send it in band", urgent.getMessage());
                socket.getOutputStream().write("PING o\n".getBytes());
                sim.sleep(Duration.ofSeconds(1));
                assertEquals("PONG o\n".length(), socket.getInputStream().available());
            }
            server.crash();
        });
    }

    @Test
    void aClientBoundBeforeItConnectsKeepsItsPortAndItsHostsAddress() {
        Simulation.ofSeed(9).run(sim -> {
            Host server = sim.host("server", self -> {
                try (ServerSocket listening = new ServerSocket(PORT);
                        Socket accepted = listening.accept()) {
                    assertEquals(PORT, accepted.getLocalPort());
                    assertEquals(List.of(InetAddress.getByName("client"), 40000), List.of(accepted.getInetAddress(),
                            accepted.getPort()));
                }
            });
            Host client = sim.host("client", self -> {
                try (Socket socket = new Socket()) {
                    socket.bind(new InetSocketAddress(40000));
                    assertEquals(List.of(self.address(), 40000), List.of(socket.getLocalAddress(),
                            socket.getLocalPort()));
                    socket.connect(new InetSocketAddress("server", PORT));
                    assertEquals(-1, socket.getInputStream().read());
                }
                try (Socket other = new Socket()) {
                    assertThrows(BindException.class, () -> other.bind(new InetSocketAddress("server", 0)));
                }
            });
            client.mainTask().join();
            server.mainTask().join();
        });
    }

    @Test
    void theSameSeedRunsTheSameConversationsOverAJitteryNetwork() {
        for (long seed = 1; seed <= 20; seed++) {
            Simulation.ofSeed(seed).checkDeterminism(JdkSocketsInSimulationTest::jitteryWorkload);
        }
    }

    /** Three clients, one of them on a virtual thread of its own, talk to a server over links with jitter. */
    private static void jitteryWorkload(Sim sim) throws Exception {
        SimNet.current().defaults().latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(20)));
        Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
        List<Host> clients = new ArrayList<>();
        for (String name : List.of("c1", "c2", "c3")) {
            clients.add(sim.host(name, self -> {
                Thread thread = Thread.ofVirtual().start(() -> {
                    try {
                        assertEquals(List.of("PONG a", "PONG b", "BYE 3"), conversation("server", PORT));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertEquals(List.of("PONG a", "PONG b", "BYE 3"), conversation("server", PORT));
                thread.join();
            }));
        }
        for (Host client : clients) {
            client.mainTask().join();
        }
        server.crash();
    }

    /**
     * A timeout of {@code timeout} on the host's clock ended after {@code elapsed} of it: at the
     * timeout, or within the millisecond the simulation's timers round their deadlines up to.
     */
    private static void assertTimedOutAfter(Duration timeout, long elapsed) {
        long late = elapsed - timeout.toNanos();
        assertTrue(late >= 0 && late < Duration.ofMillis(1).toNanos(), "timed out after " + elapsed
                + " ns of the host's clock, for a timeout of " + timeout);
    }

    /** Two pings, then a half-close: the server's answers. */
    static List<String> conversation(String host, int port) throws IOException {
        try (LineClient client = LineClient.connect(host, port, 0)) {
            List<String> answers = new ArrayList<>();
            answers.add(client.ping("a"));
            answers.add(client.ping("b"));
            answers.addAll(client.sendAndFinish("HELLO"));
            return answers;
        }
    }

    /** What {@code action} ended with: its exception's type and message, or "returned". */
    static String outcome(Loopback.Action action) {
        try {
            action.run();
            return "returned";
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
