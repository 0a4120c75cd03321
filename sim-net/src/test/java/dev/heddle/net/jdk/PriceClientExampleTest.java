package dev.heddle.net.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.net.SimNet;
import dev.heddle.sim.Simulation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example, as written there: a plain java.net client tested in simulation. */
class PriceClientExampleTest {

    /** Production code: a line-protocol client on java.net. */
    static final class PriceClient {
        static String price(String host, int port, String item) throws IOException {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2_000);
                socket.setSoTimeout(5_000);
                var out = new PrintWriter(socket.getOutputStream(), true, UTF_8);
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
                out.println("PRICE " + item);
                return in.readLine();
            }
        }
    }

    @Test
    void aPartitionTimesTheClientOutInVirtualTime() {
        Simulation.ofSeed(42).run(sim -> {
            sim.host("prices", self -> {
                try (ServerSocket server = new ServerSocket(7000)) {
                    while (true) {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> answer(s));      // thread per connection
                    }
                }
            });
            sim.host("shop", self -> {
                assertEquals("12.50", PriceClient.price("prices", 7000, "tea"));
                SimNet.current().partition(List.of("shop"), List.of("prices"));
                var e = assertThrows(SocketTimeoutException.class, () -> PriceClient.price("prices", 7000, "tea"));
                assertEquals("Connect timed out", e.getMessage());               // 2 s of virtual time
            }).mainTask().join();
        });
    }

    private static void answer(Socket s) {
        try (s) {
            new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8)).readLine();
            new PrintWriter(s.getOutputStream(), true, UTF_8).println("12.50");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
