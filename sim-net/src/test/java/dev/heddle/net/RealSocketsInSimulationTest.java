package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.internal.nio.NioBackend;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimulationFailure;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * Inside a simulation sockets are the simulation's, never the system's: a real socket would be
 * woken by the network and a thread outside the run, which the seed could not replay.
 */
class RealSocketsInSimulationTest {

    @Test
    void aSimulationUsesItsOwnNetworkAndARealRuntimeTheSystems() throws Exception {
        Simulation.ofSeed(1).run(sim -> {
            assertInstanceOf(SimNetwork.class, Net.backend());
            sim.host("h", self -> assertInstanceOf(SimNetwork.class, Net.backend())).mainTask().join();
        });
        try (HeddleRuntime runtime = HeddleRuntime.currentThread().build()) {
            runtime.blockOn(() -> assertInstanceOf(NioBackend.class, Net.backend()));
        }
    }

    @Test
    void noRealLookupOrRealAddressIsReachedFromASimulation() {
        Simulation.ofSeed(1).run(sim -> {
            UnknownHostException e = assertThrows(UnknownHostException.class, () -> Net.resolve("localhost"));
            assertTrue(e.getMessage().contains("no simulated host"), e.getMessage());
            assertThrows(BindException.class, () -> TcpListener.bind("127.0.0.1:0"));
        });
    }

    @Test
    void aHostTaskOnARealSocketIsReportedAsAForeignWakeupPointingHere() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim ->
                    sim.host("server", self -> server.accept().close()).mainTask().join()));
            assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
            assertTrue(f.getMessage().contains("waits on real I/O (java.net.ServerSocket.accept)"), f.getMessage());
            assertTrue(f.getMessage().contains("use dev.heddle.net"), f.getMessage());
        }
    }
}
