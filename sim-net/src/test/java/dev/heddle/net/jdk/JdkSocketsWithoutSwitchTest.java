package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Simulation;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In a test JVM started without {@code -Dheddle.simulateJdkNetwork=true} (sim-net's Surefire
 * execution "without-jdk-network-switch"), a java.net socket used in a simulated task never
 * connects for real silently nor hangs: the run fails saying which call and what to add.
 */
class JdkSocketsWithoutSwitchTest {

    @BeforeAll
    static void onlyWithoutTheSwitch() {
        assumeFalse(JdkNetwork.isSwitchedOn(), "this class runs in the JVM without the switch (sim-net's Surefire"
                + " execution without-jdk-network-switch)");
    }

    @Test
    void connectingByAHostsNameFailsTheTaskSayingWhatToAdd() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            sim.host("server", self -> { });
            new Socket("server", 7000).close();
        }));
        assertEquals(FailureKind.TASK_FAILED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("server: a name lookup in a simulated task needs the test JVM started with"
                + " -Dheddle.simulateJdkNetwork=true"), f.getMessage());
        StackTraceElement[] where = f.getCause().getStackTrace();
        assertTrue(Arrays.stream(where).anyMatch(e -> e.getClassName().equals("java.net.Socket")
                && e.getMethodName().equals("<init>")), "the stack shows the call: " + Arrays.toString(where));
    }

    @Test
    void withTheSwitchButWithoutTheOpeningOfJavaNetTheRunFailsNamingTheLineToAdd() {
        System.setProperty(JdkNetwork.SWITCH, "true");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Simulation.ofSeed(1).run(sim -> { }));
            assertTrue(e.getMessage().contains("add it to the test JVM's options") && e.getMessage().contains(
                    "--add-opens java.base/java.net=ALL-UNNAMED"), e.getMessage());
            assertTrue(e.getMessage().endsWith(JdkNetwork.ARG_LINE), e.getMessage());
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> Simulation.ofSeed(2).run(sim -> { }));
            assertEquals(e.getMessage(), again.getMessage(), "every later run fails alike, none runs half set up");
        } finally {
            System.clearProperty(JdkNetwork.SWITCH);
        }
    }

    @Test
    void acceptingOnARealServerSocketFailsTheRunNamingTheCallAndTheSwitch() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            Host server = sim.host("server", self -> {
                try (ServerSocket listening = new ServerSocket(0)) {
                    listening.accept().close();
                }
            });
            server.mainTask().join();
        }));
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("java.net.ServerSocket.accept"), f.getMessage());
        assertTrue(f.getMessage().contains("-Dheddle.simulateJdkNetwork=true"), f.getMessage());
    }

    /**
     * By address there is no lookup to refuse, and without the switch no factory to route the
     * socket: the connect is a real one, to an address of a range no real network routes, and how
     * it ends is the machine's (refused or unreachable at once, or an answer the poller delivers
     * later). Never a silent connection, never a hang: the run fails either way, and when the
     * task waited for the poller the report names the call and the switch.
     */
    @Test
    void connectingToAHostsAddressNeverSucceedsAndAWaitOnThePollerNamesTheSwitch() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            Host server = sim.host("server", self -> { });
            Host client = sim.host("client", self -> new Socket(server.address(), 7000).close());
            client.mainTask().join();
        }));
        if (f.kind() == FailureKind.FOREIGN_WAKEUP) {
            assertTrue(f.getMessage().contains("java.net.Socket"), f.getMessage());
            assertTrue(f.getMessage().contains("-Dheddle.simulateJdkNetwork=true"), f.getMessage());
        } else {
            assertEquals(FailureKind.TASK_FAILED, f.kind(), f.getMessage());
            assertTrue(f.getMessage().contains("java.net."), "a failure of the real connect: " + f.getMessage());
        }
    }
}
