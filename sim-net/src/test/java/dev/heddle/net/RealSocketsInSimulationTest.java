package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The system's sockets are refused inside a simulation instead of making it silently unreplayable. */
class RealSocketsInSimulationTest {

    @Test
    void bindConnectAndResolveAreRefusedWithAReason() {
        Simulation.ofSeed(1).run(sim -> {
            for (ThrowingCall call : new ThrowingCall[] {
                () -> TcpListener.bind("127.0.0.1:0"),
                () -> UdpSocket.bind("127.0.0.1:0"),
                () -> TcpStream.connect("127.0.0.1:9"),
                () -> Net.resolve("localhost")}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
                assertTrue(e.getMessage().contains("real socket inside a simulation")
                        && e.getMessage().contains("main#1"), e.getMessage());
            }
        });
    }

    private interface ThrowingCall {
        Object run() throws Exception;
    }
}
