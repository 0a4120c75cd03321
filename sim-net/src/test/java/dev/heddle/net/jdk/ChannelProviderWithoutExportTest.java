package dev.heddle.net.jdk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A JVM that installs {@link SimulatedSelectorProvider} but lacks the export of {@code sun.nio.ch}
 * fails at its first channel with a message naming the JVM option to add, rather than with an
 * access error from deep inside the JDK. Run in a JVM of its own, started without the export.
 */
class ChannelProviderWithoutExportTest {

    /** The other JVM's program: opens one channel and prints what happened. */
    public static final class OpenOneChannel {
        public static void main(String[] args) throws Exception {
            try (SocketChannel channel = SocketChannel.open()) {
                System.out.println("opened " + channel);
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    @Test
    void theFirstChannelFailsNamingTheOptionToAdd() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.nio.channels.spi.SelectorProvider=" + SimulatedSelectorProvider.class.getName(),
                OpenOneChannel.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, SECONDS), "the other JVM ended");
        assertTrue(output.contains("add the JVM option --add-exports java.base/sun.nio.ch=ALL-UNNAMED"), output);
    }
}
