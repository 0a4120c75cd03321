package dev.heddle.net;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Sim;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Hosts that send a datagram to each other every few milliseconds and note which arrive, so a
 * test can see who reaches whom ("a->b") over a window of virtual time.
 */
final class Reachability {
    static final Duration PERIOD = Duration.ofMillis(5);
    private static final int PORT = 5300;
    private final Set<String> arrived = new ConcurrentSkipListSet<>();
    private final Sim sim;

    private Reachability(Sim sim) {
        this.sim = sim;
    }

    /** Starts hosts named {@code names}, each sending to every other one every {@link #PERIOD}. */
    static Reachability start(Sim sim, List<String> names) {
        Reachability mesh = new Reachability(sim);
        for (String name : names) {
            sim.host(name, self -> {
                UdpSocket socket = UdpSocket.bind("0.0.0.0:" + PORT);
                Heddle.spawn("receive", () -> {
                    while (true) {
                        Datagram d = socket.receive();
                        mesh.arrived.add(new String(d.payload(), StandardCharsets.UTF_8) + "->" + name);
                    }
                });
                while (true) {
                    for (String other : names) {
                        if (!other.equals(name)) {
                            socket.send(name.getBytes(StandardCharsets.UTF_8),
                                    new InetSocketAddress(Net.resolve(other).getFirst(), PORT));
                        }
                    }
                    Heddle.sleep(PERIOD);
                }
            });
        }
        return mesh;
    }

    /** Which links delivered a datagram during the next {@code window}, as "from->to", sorted. */
    Set<String> observe(Duration window) {
        sim.sleep(Duration.ofMillis(20));
        arrived.clear();
        sim.sleep(window);
        return new TreeSet<>(arrived);
    }

    /** Every link among {@code names} but those given as cut ("a->b"). */
    static Set<String> allBut(List<String> names, Set<String> cut) {
        Set<String> all = new TreeSet<>();
        for (String a : names) {
            for (String b : names) {
                if (!a.equals(b) && !cut.contains(a + "->" + b)) {
                    all.add(a + "->" + b);
                }
            }
        }
        return all;
    }
}
