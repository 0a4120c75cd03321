package dev.heddle.net;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test system whose health is easy to see: each host pings every other host over UDP every
 * {@link #PERIOD}, and notes (here, outside every host, as an observer) when it last heard from
 * each. It recovers by itself from every fault: a restarted host starts pinging again.
 */
final class Mesh {
    static final Duration PERIOD = Duration.ofMillis(100);
    private static final int PORT = 5300;

    private final List<String> names = new ArrayList<>();
    /** heard[to][from]: the virtual time {@code to} last heard from {@code from}, -1 never. */
    private final long[][] heard;

    private Mesh(int size) {
        heard = new long[size][size];
        for (long[] row : heard) {
            Arrays.fill(row, -1);
        }
    }

    /** Starts hosts {@code n0}, {@code n1} ... that ping each other. */
    static Mesh start(Sim sim, int size) {
        Mesh mesh = new Mesh(size);
        for (int i = 0; i < size; i++) {
            mesh.names.add("n" + i);
        }
        for (int i = 0; i < size; i++) {
            int me = i;
            sim.host(mesh.names.get(i), self -> mesh.run(me));
        }
        return mesh;
    }

    List<String> names() {
        return names;
    }

    /** True when every host heard from every other host at {@code since} or later. */
    boolean allHeardSince(long since) {
        for (int to = 0; to < heard.length; to++) {
            for (int from = 0; from < heard.length; from++) {
                if (to != from && heard[to][from] < since) {
                    return false;
                }
            }
        }
        return true;
    }

    private void run(int me) throws IOException {
        UdpSocket socket = UdpSocket.bind("0.0.0.0:" + PORT);
        Heddle.spawn("listen", () -> {
            while (true) {
                Datagram ping = socket.receive();
                int from = names.indexOf(new String(ping.payload(), StandardCharsets.UTF_8));
                heard[me][from] = SimContext.current().orElseThrow().time().now();
            }
        });
        byte[] myName = names.get(me).getBytes(StandardCharsets.UTF_8);
        while (true) {
            for (int peer = 0; peer < names.size(); peer++) {
                if (peer != me) {
                    Host host = SimContext.current().orElseThrow().host(names.get(peer)).orElseThrow();
                    socket.send(myName, new InetSocketAddress(host.address(), PORT));
                }
            }
            Heddle.sleep(PERIOD);
        }
    }
}
