package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line protocol's unmodified JDK code ({@link LineServer}, {@link LineClient}) gives the same
 * outcomes on real loopback and, in a simulated task, on the simulated network.
 */
class JdkSocketsInSimulationTest {
    private static final int PORT = 7000;

    @Test
    void theLineProtocolAnswersAlikeOnLoopbackAndInSimulation() throws Exception {
        List<String> real = onLoopback(JdkSocketsInSimulationTest::conversation);
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

    /** Two pings, then a half-close: the server's answers. */
    private static List<String> conversation(String host, int port) throws IOException {
        try (LineClient client = LineClient.connect(host, port, 0)) {
            List<String> answers = new ArrayList<>();
            answers.add(client.ping("a"));
            answers.add(client.ping("b"));
            answers.addAll(client.sendAndFinish("HELLO"));
            return answers;
        }
    }

    /** What {@code client} returns against a {@link LineServer} on real loopback. */
    private static <T> T onLoopback(Client<T> client) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    LineServer.serve(listening);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                return client.run(InetAddress.getLoopbackAddress().getHostAddress(), listening.getLocalPort());
            } finally {
                listening.close();
                server.join();
            }
        }
    }

    @FunctionalInterface
    private interface Client<T> {
        T run(String host, int port) throws Exception;
    }
}
