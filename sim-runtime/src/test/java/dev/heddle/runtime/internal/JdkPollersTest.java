package dev.heddle.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JDK's I/O pollers do not become part of the first runtime whose task waits on a socket:
 * after that runtime closes, virtual-thread I/O still works. Run in a fresh JVM, since the
 * pollers start once per JVM.
 */
class JdkPollersTest {

    /** In a fresh JVM: a task's socket read is the JVM's first virtual-thread I/O; then the runtime closes. */
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).build()) {
                JoinHandle<Integer> reader = rt.blockOn(() -> Heddle.spawn(() -> readOneByte(server)));
                answer(server);
                rt.blockOn(reader::join);
            }
            Thread after = Thread.ofVirtual().start(() -> {
                try {
                    readOneByte(server);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            answer(server);
            System.out.println(after.join(Duration.ofSeconds(30)) ? "virtual-thread I/O works" : "virtual-thread I/O hangs");
        }
        System.exit(0);
    }

    private static int readOneByte(ServerSocket server) throws Exception {
        try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort()); InputStream in = s.getInputStream()) {
            return in.read();
        }
    }

    private static void answer(ServerSocket server) throws Exception {
        try (Socket accepted = server.accept(); OutputStream out = accepted.getOutputStream()) {
            out.write(1);
        }
    }

    @Test
    void virtualThreadIoWorksAfterTheFirstRuntimeToUseItCloses() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), JdkPollersTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the JVM must stop by itself: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("virtual-thread I/O works"), out);
    }
}
