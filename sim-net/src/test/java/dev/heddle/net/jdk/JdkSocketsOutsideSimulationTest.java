package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With the factories installed, a socket created on any thread that is not a simulated task is
 * exactly the JDK's (the same implementation classes as without a factory), and works over
 * real loopback while a simulation runs its own sockets in the same JVM.
 */
class JdkSocketsOutsideSimulationTest {
    private static final int PORT = 7000;

    @Test
    void socketsOutsideSimulationsAreTheJdksOwnAndWorkBesideSimulatedOnes() throws Exception {
        Simulation.ofSeed(1).run(sim -> { });
        assertEquals("dev.heddle.net.internal.socket.RoutingSocketImplFactory", installed(Socket.class));
        assertEquals("dev.heddle.net.internal.socket.RoutingSocketImplFactory", installed(ServerSocket.class));
        try (Socket client = new Socket(); ServerSocket server = new ServerSocket()) {
            assertEquals("java.net.SocksSocketImpl", implOf(client, Socket.class), "as without a factory");
            assertEquals("sun.nio.ch.NioSocketImpl", implOf(server, ServerSocket.class), "as without a factory");
        }
        List<String> simulated = new ArrayList<>();
        List<String> real = Loopback.withLineServer((host, port) -> {
            Simulation.ofSeed(1).run(sim -> {
                Host server = sim.host("server", self -> LineServer.serve(new ServerSocket(PORT)));
                simulated.addAll(JdkSocketsInSimulationTest.conversation("server", PORT));
                server.crash();
            });
            List<String> answers = new ArrayList<>(JdkSocketsInSimulationTest.conversation(host, port));
            try (LineClient client = LineClient.connect(host, port, 0)) {
                assertEquals(InetAddress.getLoopbackAddress(), client.socket().getLocalAddress());
                answers.add(client.ping("real"));
            }
            return answers;
        });
        assertEquals(List.of("PONG a", "PONG b", "BYE 3"), simulated);
        assertEquals(List.of("PONG a", "PONG b", "BYE 3", "PONG real"), real);
    }

    /** The class of the socket implementation factory {@code type} holds. */
    private static String installed(Class<?> type) throws ReflectiveOperationException {
        Field factory = type.getDeclaredField("factory");
        factory.setAccessible(true);
        return factory.get(null).getClass().getName();
    }

    /** The class of {@code socket}'s implementation. */
    private static String implOf(Object socket, Class<?> type) throws ReflectiveOperationException {
        Field impl = type.getDeclaredField("impl");
        impl.setAccessible(true);
        return impl.get(socket).getClass().getName();
    }
}
