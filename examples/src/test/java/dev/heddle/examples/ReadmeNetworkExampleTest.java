package dev.heddle.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.junit.SimTest;
import dev.heddle.net.Latency;
import dev.heddle.net.SimNet;
import dev.heddle.net.TcpListener;
import dev.heddle.net.TcpStream;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Sim;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.List;

/** The README's simulated-network example, word for word, so that it keeps compiling and passing. */
class ReadmeNetworkExampleTest {

    @SimTest(seeds = 100)
    void theStreamStallsAcrossAPartitionAndResumesWhenItHeals(Sim sim) throws Exception {
        sim.host("server", self -> {                                        // an echo server
            try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
                 TcpStream peer = listener.accept()) {
                byte[] ping = new byte[4];
                while (true) {
                    peer.readExactly(ping);
                    peer.writeAll(ping);
                }
            }
        });
        SimNet net = SimNet.current();
        net.defaults().latency(Latency.of(Duration.ofMillis(1), Duration.ofMillis(3), 0.01, Duration.ofMillis(200)));
        try (TcpStream client = TcpStream.connect("server:7000")) {
            byte[] pong = new byte[4];
            client.writeAll("ping".getBytes(UTF_8));
            client.readExactly(pong);                                       // one round trip

            net.partition(List.of("server"), List.of("sim"));
            client.writeAll("ping".getBytes(UTF_8));                        // held in the network, as TCP retransmits
            assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofSeconds(5), () -> {
                client.readExactly(pong);                                   // stalls until our own timeout
                return null;
            }));

            net.repairAll();                                                // what was held goes through, in order
            client.readExactly(pong);
            assertEquals("ping", new String(pong, UTF_8));
        }
    }
}
