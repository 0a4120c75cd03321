package dev.heddle.examples.raft;

import dev.heddle.net.SimNet;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.SimContext;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A nemesis of one-way partitions, which {@link dev.heddle.net.Chaos} does not inject: a link cut
 * in one direction only, so that a node hears a peer it cannot answer (a leader whose heartbeats
 * arrive but whose followers' acknowledgements do not, a client whose requests arrive and whose
 * answers are lost). Each cut lasts a seeded while, then is repaired. Its fault kind,
 * {@value #KIND}, is configured and counted like chaos's, and in swarm mode the seed decides
 * whether it is on and its rate.
 */
final class OneWayPartitions {
    /** The fault kind, as the run's fault counts name it. */
    static final String KIND = "net.partition.one-way";

    private OneWayPartitions() {}

    /**
     * Cuts one-way links between {@code hosts}, about {@code maxRate} per second of virtual time
     * (less in swarm mode, as the seed draws), each for up to {@code maxLasting}, for
     * {@code duration}; every cut made is repaired by the end.
     */
    static void run(List<String> hosts, Duration duration, double maxRate, Duration maxLasting) {
        SimContext context = SimContext.current().orElseThrow(() -> new IllegalStateException(
                "one-way partitions are simulated faults: run them inside a simulation"));
        double rate = context.swarm().map(p -> p.rate(KIND, maxRate)).orElse(maxRate);
        if (rate == 0 || hosts.size() < 2) {
            return;
        }
        context.faultConfigured(KIND);
        SimNet net = SimNet.current();
        RandomGenerator random = Heddle.random();
        long end = Heddle.now() + duration.toNanos();
        while (true) {
            long gap = (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9) + 1;
            if (Heddle.now() + gap >= end) {
                Heddle.clock().sleepUntil(end);
                return;
            }
            Heddle.sleep(Duration.ofNanos(gap));
            String from = hosts.get(random.nextInt(hosts.size()));
            String to = hosts.get(random.nextInt(hosts.size()));
            if (from.equals(to)) {
                continue;
            }
            net.partitionOneWay(from, to);
            context.faultFired(KIND);
            Heddle.sleep(Duration.ofNanos(1 + random.nextLong(Math.min(maxLasting.toNanos(), end - Heddle.now() + 1))));
            net.repair(from, to);
        }
    }
}
