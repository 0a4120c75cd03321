package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.FaultRecord;
import dev.heddle.sim.Host;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same seed replays the same faulty network: loss, duplication, reordering, partitions and clogs. */
class SimNetDeterminismTest {
    private static final int SEEDS = 500;

    @Test
    void aThreeHostWorkloadUnderFaultsIsTheSameRunForTheSameSeed() {
        Map<String, FaultRecord> faults = new HashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(SimNetDeterminismTest::workload);
            for (FaultRecord fault : result.faults()) {
                faults.merge(fault.name(), fault, FaultRecord::plus);
            }
        }
        for (String kind : List.of("net.drop", "net.duplicate", "net.reorder", "net.retransmit", "net.partition",
                "net.clog")) {
            FaultRecord fault = faults.get(kind);
            assertTrue(fault != null && fault.configured() && fault.fired() > 0, kind + ": " + faults);
        }
        assertTrue(faults.get("net.partition.drop").fired() > 0, "datagrams lost to the partitions: " + faults);
    }

    /** Two clients echo over TCP and ping over UDP against a server, while the network misbehaves. */
    private static void workload(Sim sim) {
        SimNet net = SimNet.current();
        net.defaults().loss(0.05).duplicate(0.05).reorder(0.05);
        sim.host("server", self -> {
            UdpSocket udp = UdpSocket.bind("0.0.0.0:5300");
            Heddle.spawn(() -> {
                while (true) {
                    Datagram d = udp.receive();
                    udp.send(d.payload(), d.sender());
                }
            });
            EchoServer.serve(TcpListener.bind("0.0.0.0:7000")).join();
        });
        List<Host> clients = List.of(sim.host("c1", self -> client()), sim.host("c2", self -> client()));
        sim.sleep(Duration.ofMillis(sim.random().nextInt(20)));
        if (sim.random().nextBoolean()) {
            net.splitMajority();
        } else {
            net.partitionOneWay("c1", "server");
        }
        sim.sleep(Duration.ofMillis(sim.random().nextInt(300)));
        net.repairAll();
        net.clog(sim.random().nextBoolean() ? "c2" : "server");
        sim.sleep(Duration.ofMillis(50));
        net.healAll();
        for (Host client : clients) {
            client.mainTask().join();
        }
    }

    /** A few echoes and pings, each bounded by a timeout, so partitions cost time, not the run. */
    private static void client() throws IOException {
        try (UdpSocket udp = UdpSocket.bind("0.0.0.0:0")) {
            InetSocketAddress server = new InetSocketAddress(Net.resolve("server").getFirst(), 5300);
            for (int i = 0; i < 3; i++) {
                udp.send(new byte[] {(byte) i}, server);
                try {
                    Heddle.clock().timeout(Duration.ofMillis(30), udp::receive);
                } catch (Elapsed noAnswer) {
                    // lost, or behind a partition
                }
            }
        }
        try {
            Heddle.clock().timeout(Duration.ofSeconds(3), () -> {
                EchoClient.exchange("server:7000", 3);
                return null;
            });
        } catch (Elapsed stalled) {
            // a partition or the retransmissions outlasted the timeout
        }
    }
}
