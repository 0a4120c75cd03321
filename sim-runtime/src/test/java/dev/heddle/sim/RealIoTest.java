package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real I/O inside a simulation is reported, and does not break real I/O in the JVM afterwards. */
class RealIoTest {

    @Test
    void aTimedReadOnARealSocketIsReportedAsRealIoNotAsATimedPark() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(600_000);
            SimulationFailure f = assertThrows(SimulationFailure.class,
                    () -> Simulation.ofSeed(1).run(sim -> server.accept().close()));
            assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
            assertTrue(f.getMessage().contains("waits on real I/O (java.net.ServerSocket.accept)"), f.getMessage());
        }
    }

    /** Without the fix the socket below never connects: the timeout turns that hang into a failure. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTaskWaitingOnARealSocketIsReportedAsRealIo() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SimulationFailure f = assertThrows(SimulationFailure.class,
                    () -> Simulation.ofSeed(1).run(sim -> server.accept().close()));
            assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
            assertTrue(f.getMessage().contains("waits on real I/O (java.net.ServerSocket.accept)"), f.getMessage());
            assertTrue(f.getMessage().contains("use dev.heddle.net"), f.getMessage());
            assertTrue(f.getMessage().contains("RealIoTest"), f.getMessage());
        }
        // The abandoned task still holds that server socket's accept lock; a fresh socket shows that
        // the JDK's pollers did not become part of that simulation: a virtual thread's socket still works.
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicInteger read = new AtomicInteger(-1);
            Thread client = Thread.ofVirtual().start(() -> {
                try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort());
                     InputStream in = s.getInputStream()) {
                    read.set(in.read());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            try (Socket accepted = server.accept(); OutputStream out = accepted.getOutputStream()) {
                out.write(42);
                out.flush();
                client.join();
            }
            assertEquals(42, read.get());
        }
    }
}
