package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.SimNet;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Host;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The line protocol's servers ({@link ChannelLineServer}, blocking, one connection at a time;
 * {@link ChannelSelectorLineServer}, non-blocking with a {@code Selector}) and its client
 * {@link ChannelLineClient}, plain {@code java.nio} code, run unchanged on real loopback and in
 * simulation: the same script gives the same outcomes with the JDK's exception types and messages,
 * a stalled server on loopback standing for a partition, and a reset connection plus a closed
 * listener standing for a crash.
 */
class ChannelLineProtocolTest {
    /** Long enough that a loaded machine answers on loopback within it; in simulation it is virtual. */
    private static final int TIMEOUT_MILLIS = 2_000;
    private static final List<String> EXPECTED = List.of(
            "HELLO",
            "java.net.SocketTimeoutException: Read timed out",
            "AGAIN",
            "java.net.SocketException: Connection reset",
            "java.net.ConnectException: Connection refused");

    /** The two servers of the protocol. */
    enum Server {
        BLOCKING, SELECTOR;

        ChannelLineService open(InetSocketAddress local) throws IOException {
            return this == BLOCKING ? ChannelLineServer.open(local) : ChannelSelectorLineServer.open(local);
        }
    }

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

    @ParameterizedTest
    @EnumSource(Server.class)
    void onRealLoopbackAStalledServerTimesOutAndAResetServerIsResetThenRefused(Server kind) throws Exception {
        ChannelLineService server = kind.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
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
        assertFalse(serving.isAlive(), "the server stopped on CRASH");
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void inSimulationAPartitionTimesOutAndACrashResetsThenRefusesOverManySeeds(Server kind) {
        for (long seed = 1; seed <= 10; seed++) {
            simulation(seed).run(sim -> simulatedScript(sim, kind));
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void theSimulatedRunReplaysToTheSameTraceHash(Server kind) {
        SimulationResult result = simulation(11).checkDeterminism(sim -> simulatedScript(sim, kind));
        assertTrue(result.steps() > 0, result.toString());
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void clientsAtOnceAreEachAnswered(Server kind) {
        simulation(12).run(sim -> {
            Host server = sim.host("server", self -> kind.open(new InetSocketAddress(7000)).run());
            sim.sleep(Duration.ofMillis(1));
            InetSocketAddress address = new InetSocketAddress(server.address(), 7000);
            List<JoinHandle<String>> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String request = "client " + i;
                clients.add(sim.spawn(() -> {
                    try (ChannelLineClient client = ChannelLineClient.connect(address, 60_000)) {
                        return client.call(request);
                    }
                }));
            }
            for (int i = 0; i < 4; i++) {
                assertEquals("CLIENT " + i, clients.get(i).join());
            }
        });
    }

    private static Simulation simulation(long seed) {
        return Simulation.ofSeed(seed);
    }

    private static void simulatedScript(Sim sim, Server kind) throws IOException {
        Host server = sim.host("server", self -> kind.open(new InetSocketAddress(7000)).run());
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
