package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.SimNet;
import dev.heddle.sim.Host;
import dev.heddle.sim.LockHeldPolicy;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * {@link ChannelLineServer} and {@link ChannelLineClient}, plain {@code java.nio} blocking
 * channels, run unchanged on real loopback and in simulation: the same script gives the same
 * outcomes with the JDK's exception types and messages, a stalled server on loopback standing
 * for a partition and a reset connection plus a closed listener standing for a crash.
 */
class ChannelLineProtocolTest {
    private static final int TIMEOUT_MILLIS = 500;
    private static final List<String> EXPECTED = List.of(
            "HELLO",
            "java.net.SocketTimeoutException: Read timed out",
            "AGAIN",
            "java.net.SocketException: Connection reset",
            "java.net.ConnectException: Connection refused");

    /** What the environment does to the server between the script's calls. */
    private interface Faults {
        void stall();

        void heal();

        void crash();
    }

    /** The script, the same everywhere: a call, a stalled call, a reconnect, a call into a crash, a reconnect. */
    private static List<String> script(InetSocketAddress server, Faults faults) throws IOException {
        List<String> outcomes = new ArrayList<>();
        try (ChannelLineClient client = ChannelLineClient.connect(server, TIMEOUT_MILLIS)) {
            outcomes.add(outcome(() -> client.call("hello")));
            faults.stall();
            outcomes.add(outcome(() -> client.call("PAUSE")));
        }
        faults.heal();
        try (ChannelLineClient client = ChannelLineClient.connect(server, TIMEOUT_MILLIS)) {
            outcomes.add(outcome(() -> client.call("again")));
            faults.crash();
            outcomes.add(outcome(() -> client.call("CRASH")));
        }
        outcomes.add(outcome(() -> {
            ChannelLineClient.connect(server, TIMEOUT_MILLIS).close();
            return "connected";
        }));
        return outcomes;
    }

    private static String outcome(Callable<String> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void onRealLoopbackAStalledServerTimesOutAndAResetServerIsResetThenRefused() throws Exception {
        ChannelLineServer server = ChannelLineServer.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread serving = Thread.ofPlatform().name("real line server").start(server);
        Faults none = new Faults() {
            @Override
            public void stall() { }

            @Override
            public void heal() { }

            @Override
            public void crash() { }
        };
        assertEquals(EXPECTED, script(server.address(), none));
        serving.join(Duration.ofSeconds(10));
        assertTrue(!serving.isAlive(), "the server stopped on CRASH");
    }

    @Test
    void inSimulationAPartitionTimesOutAndACrashResetsThenRefuses() {
        simulate(7);
    }

    @Test
    void theSimulatedRunReplaysToTheSameTraceHash() {
        SimulationResult result = simulation(11).checkDeterminism(ChannelLineProtocolTest::simulatedScript);
        assertTrue(result.steps() > 0, result.toString());
    }

    @Test
    void manySeedsGiveTheSameOutcomes() {
        for (long seed = 1; seed <= 20; seed++) {
            simulate(seed);
        }
    }

    private static void simulate(long seed) {
        simulation(seed).run(ChannelLineProtocolTest::simulatedScript);
    }

    /**
     * A simulation that does not look for monitors held across a suspension: the client's
     * {@code BufferedReader} (the JDK's {@code StreamDecoder}, synchronized on JDK 25) holds its
     * own monitor while the socket read waits, which only the reading task ever takes, and which
     * would otherwise fail the run.
     */
    private static Simulation simulation(long seed) {
        return Simulation.ofSeed(seed).onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE);
    }

    private static void simulatedScript(Sim sim) throws IOException {
        Host server = sim.host("server",
                self -> ChannelLineServer.open(new InetSocketAddress(7000)).run());
        sim.sleep(Duration.ofMillis(1));
        Faults network = new Faults() {
            @Override
            public void stall() {
                SimNet.current().partition(List.of("server"), List.of("sim"));
            }

            @Override
            public void heal() {
                SimNet.current().healAll();
            }

            @Override
            public void crash() {
                server.crash();
                sim.sleep(Duration.ofMillis(50));
            }
        };
        assertEquals(EXPECTED, script(new InetSocketAddress(server.address(), 7000), network));
    }
}
