package dev.heddle.net.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What the seams do not cover stays loud: the JDK's {@code HttpClient} opens its selector and
 * channels on the calling task (so they are simulated) but selects on a platform thread of its
 * own, outside the simulation; the run fails as a foreign wake-up naming that thread, or the
 * task's wait for it, instead of doing simulated I/O at real times.
 */
class JdkHttpClientLeakTest {

    @Test
    void aSimulatedTaskWaitingOnTheJdksHttpClientFailsTheRunAsAForeignWakeUp() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/");
        for (long seed = 1; seed <= 5; seed++) {
            Simulation simulation = Simulation.ofSeed(seed);
            SimulationFailure failure = assertThrows(SimulationFailure.class, () -> simulation.run(sim -> {
                try (HttpClient client = HttpClient.newHttpClient()) {
                    client.send(HttpRequest.newBuilder(nobody).build(), HttpResponse.BodyHandlers.ofString());
                }
            }));
            assertEquals(FailureKind.FOREIGN_WAKEUP, failure.kind(), failure.getMessage());
            // What the report names first is the real threads' race: the client's selector thread selecting
            // on the simulated selector, or the task found waiting on what only that thread ends (the
            // response's future, the client's close). Each is named with the JDK call.
            String m = failure.getMessage();
            assertTrue(m.contains("thread 'HttpClient-") && m.contains("which is not a task of this simulation,"
                    + " used a Selector that task 'main#1' opened") && m.contains("the JDK's HttpClient runs its")
                    || m.contains("waits in java.util.concurrent.CompletableFuture.get (at " + getClass().getName())
                    || m.contains("waits in HttpClientFacade.close (called at " + getClass().getName()), m);
        }
    }
}
