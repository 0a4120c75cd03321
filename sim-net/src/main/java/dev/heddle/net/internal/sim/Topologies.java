package dev.heddle.net.internal.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Jepsen's partition topologies ({@code jepsen.nemesis}) as the directed links they cut, over
 * the hosts given in start order; the seeded shuffles draw from the network stream.
 */
final class Topologies {
    private Topologies() {}

    /** Every link between the two sides, both ways. */
    static List<DirectedLink> between(List<String> side, List<String> otherSide) {
        List<DirectedLink> cuts = new ArrayList<>();
        for (String a : side) {
            for (String b : otherSide) {
                cuts.add(new DirectedLink(a, b));
                cuts.add(new DirectedLink(b, a));
            }
        }
        return cuts;
    }

    /** The hosts in a seeded random order. */
    static List<String> shuffled(List<String> hosts, RandomGenerator random) {
        List<String> order = new ArrayList<>(hosts);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        return order;
    }

    /** Jepsen's bisect: the first (smaller, for an odd count) half, then the rest. */
    static List<List<String>> bisect(List<String> hosts) {
        int half = hosts.size() / 2;
        return List.of(hosts.subList(0, half), hosts.subList(half, hosts.size()));
    }

    /**
     * Jepsen's bridge over {@code order} (already shuffled): two halves cut from each other,
     * except the first host of the second half, which reaches both.
     */
    static List<DirectedLink> bridge(List<String> order) {
        List<List<String>> halves = bisect(order);
        List<String> second = halves.get(1);
        return between(halves.get(0), second.subList(1, second.size()));
    }

    /**
     * Jepsen's majorities-ring over {@code order} (already shuffled): along the ring, each host
     * keeps the majority-sized window of hosts around it and stops hearing from every host
     * outside it; each host then sees a majority, no two the same one. The cuts are one-way
     * where the windows are not symmetric, as Jepsen's grudge is.
     */
    static List<DirectedLink> ring(List<String> order) {
        int n = order.size();
        int majority = n / 2 + 1;
        List<DirectedLink> cuts = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            Set<String> window = new HashSet<>();
            for (int k = 0; k < majority; k++) {
                window.add(order.get((start + k) % n));
            }
            String host = order.get((start + majority / 2) % n);
            for (String other : order) {
                if (!window.contains(other)) {
                    cuts.add(new DirectedLink(other, host));
                }
            }
        }
        return cuts;
    }
}
