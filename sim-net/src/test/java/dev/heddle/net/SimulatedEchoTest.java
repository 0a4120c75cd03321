package dev.heddle.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One echo server and client, unchanged, over real loopback and between simulated hosts on virtual time. */
class SimulatedEchoTest {

    @Test
    void echoOverRealLoopback() throws Exception {
        try (HeddleRuntime runtime = HeddleRuntime.multiThread().build()) {
            runtime.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    var server = EchoServer.serve(listener);
                    EchoClient.exchange("127.0.0.1:" + listener.localAddress().getPort(), 100);
                    listener.close();
                    assertEquals(1, server.join());
                }
                return null;
            });
        }
    }

    @Test
    void thousandMessagesBetweenHostsTakeVirtualSecondsNotWallSeconds() {
        long wallStart = System.nanoTime();
        SimulationResult result = Simulation.ofSeed(7).run(sim -> {
            sim.host("server", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
            Host client = sim.host("client", self -> EchoClient.exchange("server:7000", 1000));
            client.mainTask().join();
            long virtualMillis = Duration.ofNanos(sim.now()).toMillis();
            // a round trip is two latencies of 1 to 5 ms
            assertTrue(virtualMillis >= 2000 && virtualMillis <= 10_100, virtualMillis + " ms");
            sim.hosts().getFirst().crash();
        });
        long wallMillis = Duration.ofNanos(System.nanoTime() - wallStart).toMillis();
        assertTrue(result.virtualNanos() >= Duration.ofSeconds(2).toNanos(), result.toString());
        assertTrue(wallMillis < 20_000, "took " + wallMillis + " ms of wall time");
    }

    @Test
    void aBufferedStreamOverATcpStreamWaitsWithoutALockReport() {
        // BufferedInputStream and BufferedReader's decoder hold their own monitor while the read waits,
        // as over a JDK socket: the JDK's lock, not the task's, so the run goes on.
        Simulation.ofSeed(5).run(sim -> {
            sim.host("server", self -> {
                try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                        TcpStream connection = listener.accept()) {
                    new PrintWriter(connection.outputStream(), true, UTF_8).println("HELLO");
                }
            });
            sim.sleep(Duration.ofMillis(1));
            try (TcpStream stream = TcpStream.connect("server:7000")) {
                var in = new BufferedReader(new InputStreamReader(new BufferedInputStream(stream.inputStream()), UTF_8));
                assertEquals("HELLO", in.readLine());
            }
        });
    }

    @Test
    void latencyIsConfigurable() {
        Simulation.ofSeed(3).run(sim -> {
            SimNet.current().defaults().latency(Latency.fixed(Duration.ofMillis(10)));
            sim.host("server", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
            long start = sim.now();
            EchoClient.exchange("server:7000", 10);
            // connect: 1 round trip; 10 echoes; the end and its answer: 1 more
            assertEquals(Duration.ofMillis(12 * 20).toNanos(), sim.now() - start);
            sim.hosts().getFirst().crash();
        });
    }

    @Test
    void sameSeedSameTraceOverManySeeds() {
        for (long seed = 1; seed <= 30; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(sim -> {
                sim.host("server", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
                Host a = sim.host("a", self -> EchoClient.exchange("server:7000", 20));
                Host b = sim.host("b", self -> EchoClient.exchange("server:7000", 20));
                a.mainTask().join();
                b.mainTask().join();
                sim.hosts().getFirst().crash();
            });
            assertTrue(result.virtualNanos() > 0, result.toString());
        }
    }

    @Test
    void seedsDecideLatencies() {
        SimulationResult one = echoRun(1);
        assertEquals(one.traceHash(), echoRun(1).traceHash());
        assertTrue(one.traceHash() != echoRun(2).traceHash() || one.virtualNanos() != echoRun(2).virtualNanos());
    }

    private static SimulationResult echoRun(long seed) {
        return Simulation.ofSeed(seed).run(sim -> {
            sim.host("server", self -> EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join());
            EchoClient.exchange("server:7000", 20);
            sim.hosts().getFirst().crash();
        });
    }
}
