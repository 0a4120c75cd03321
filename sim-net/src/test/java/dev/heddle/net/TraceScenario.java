package dev.heddle.net;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.heddle.sim.Host;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimBody;
import java.time.Duration;
import java.util.List;

/**
 * A run with something of everything a trace timeline draws: three hosts pinging each other over
 * UDP ({@link Mesh}), a client outside them that talks to an echo server on {@code n0} over TCP,
 * a partition that cuts {@code n0} off and is repaired, a crash and restart of {@code n2}, and a
 * clog of {@code n1}.
 */
final class TraceScenario {
    private TraceScenario() {}

    /** The scenario as a simulation body; {@code rounds} ping periods between the faults. */
    static SimBody body(int rounds) {
        return sim -> run(sim, rounds);
    }

    private static void run(Sim sim, int rounds) throws Exception {
        Mesh.start(sim, 3);
        sim.host("echo", self -> {
            try (TcpListener listener = TcpListener.bind("0.0.0.0:7000")) {
                EchoServer.serve(listener).join();
            }
        });
        SimNet net = SimNet.current();
        Duration between = Mesh.PERIOD.multipliedBy(rounds);
        try (TcpStream client = TcpStream.connect("echo:7000")) {
            byte[] pong = new byte[4];
            client.writeAll("ping".getBytes(UTF_8));
            client.readExactly(pong);
            sim.sleep(between);
            net.partition(List.of("n0"), List.of("n1", "n2"));
            sim.sleep(between);
            net.repairAll();
            Host n2 = sim.hosts().stream().filter(h -> h.name().equals("n2")).findFirst().orElseThrow();
            n2.crash();
            sim.sleep(between);
            n2.restart();
            net.clog("n1");
            client.writeAll("ping".getBytes(UTF_8));
            client.readExactly(pong);
            sim.sleep(between);
            net.unclog("n1");
            sim.sleep(between);
        }
    }
}
