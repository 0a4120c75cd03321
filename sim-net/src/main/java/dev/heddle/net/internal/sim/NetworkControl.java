package dev.heddle.net.internal.sim;

import dev.heddle.net.InFlight;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a test does to one simulated network ({@code dev.heddle.net.SimNet} is its public
 * face): configure links, cut and repair them, clog and hold them, and reach the messages in
 * flight. Host names are checked here, each change counted as its fault kind, and whatever a
 * change lets go is handed back to the {@link MessagePath}. Each call takes the network's lock.
 */
public final class NetworkControl {
    private final SimNetwork network;
    private final SimContext context;

    NetworkControl(SimNetwork network, SimContext context) {
        this.network = network;
        this.context = context;
    }

    /** The names a test may give: the started hosts, in start order, then "sim" (the test body). */
    public List<String> hostNames() {
        List<String> names = new ArrayList<>(startedHosts());
        names.add("sim");
        return names;
    }

    /** {@code name} if it names a started host or "sim"; otherwise fails naming it and the known names. */
    public String checkHost(String name) {
        if (name == null) {
            throw new NullPointerException("host name is null: give one of " + hostNames());
        }
        if (!name.equals("sim") && context.host(name).isEmpty()) {
            throw new IllegalArgumentException("no simulated host is named \"" + name + "\": give one of "
                    + hostNames());
        }
        return name;
    }

    /**
     * Applies {@code change} to the defaults (both names null) or to the link's own settings,
     * and declares the fault kinds the setting configures.
     */
    public void configure(String from, String to, Consumer<LinkSettings> change, String... kinds) {
        network.lock.lock();
        try {
            MessagePath path = network.path();
            change.accept(from == null ? path.links.defaults() : path.links.own(new DirectedLink(from, to)));
            for (String kind : kinds) {
                context.faultConfigured(kind);
            }
        } finally {
            network.unlock();
        }
    }

    /** Cuts every link between the two sides, both ways. */
    public void partition(Collection<String> side, Collection<String> otherSide) {
        List<String> one = checkSide(side, "side");
        List<String> other = checkSide(otherSide, "otherSide");
        for (String host : one) {
            if (other.contains(host)) {
                throw new IllegalArgumentException("host \"" + host + "\" is on both sides of the partition " + one
                        + " / " + other + ": give disjoint sides");
            }
        }
        cut(Topologies.between(one, other));
    }

    /** Cuts {@code from -> to} only. */
    public void partitionOneWay(String from, String to) {
        checkHost(from);
        checkHost(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("cannot partition host \"" + from + "\" from itself: give two hosts");
        }
        cut(List.of(new DirectedLink(from, to)));
    }

    /** Cuts {@code host} from every other started host, both ways. */
    public void isolate(String host) {
        checkHost(host);
        List<String> others = new ArrayList<>(startedHosts());
        others.remove(host);
        cut(Topologies.between(List.of(host), others));
    }

    /** Cuts a seeded minority of the started hosts from the majority; returns the minority, in start order. */
    public List<String> splitMajority() {
        List<String> hosts = atLeast(2, "splitMajority");
        network.lock.lock();
        try {
            List<List<String>> halves = Topologies.bisect(Topologies.shuffled(hosts, context.networkRandom()));
            cut(Topologies.between(halves.get(0), halves.get(1)));
            return hosts.stream().filter(halves.get(0)::contains).toList();
        } finally {
            network.unlock();
        }
    }

    /** Jepsen's bridge over the started hosts, seeded. */
    public void bridge() {
        cutSeeded("bridge", 3, Topologies::bridge);
    }

    /** Jepsen's majorities-ring over the started hosts, seeded. */
    public void ring() {
        cutSeeded("ring", 3, Topologies::ring);
    }

    public void repair(String a, String b) {
        checkHost(a);
        checkHost(b);
        lift(() -> network.path().partitions.repair(a, b));
    }

    public void repairAll() {
        lift(() -> network.path().partitions.repairAll());
    }

    public void clog(String host) {
        checkHost(host);
        block("net.clog", () -> network.path().clogs.clogHost(host));
    }

    public void unclog(String host) {
        checkHost(host);
        lift(() -> network.path().clogs.unclogHost(host));
    }

    public void clogLink(String from, String to) {
        DirectedLink link = checkLink(from, to);
        block("net.clog", () -> network.path().clogs.clogLink(link));
    }

    public void unclogLink(String from, String to) {
        DirectedLink link = checkLink(from, to);
        lift(() -> network.path().clogs.unclogLink(link));
    }

    /**
     * FoundationDB's swizzle-clogging: a seeded non-empty subset of {@code hosts} is clogged one
     * host every {@code spacing}, in a seeded order, then unclogged one every {@code spacing}, in
     * another seeded order; all on timers, so this returns at once.
     */
    public void swizzleClog(Collection<String> hosts, Duration spacing) {
        List<String> candidates = checkSide(hosts, "hosts");
        if (spacing == null || spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("swizzleClog spacing " + spacing + " is not positive: give a duration"
                    + " above zero");
        }
        network.lock.lock();
        try {
            context.faultConfigured("net.clog");
            List<String> order = Topologies.shuffled(candidates, context.networkRandom());
            List<String> clogged = order.subList(0, 1 + context.networkRandom().nextInt(order.size()));
            List<String> unclogOrder = Topologies.shuffled(clogged, context.networkRandom());
            long at = context.time().now();
            for (String host : clogged) {
                context.time().schedule(at, () -> clog(host));
                at += spacing.toNanos();
            }
            for (String host : unclogOrder) {
                context.time().schedule(at, () -> unclog(host));
                at += spacing.toNanos();
            }
        } finally {
            network.unlock();
        }
    }

    public void hold(String from, String to) {
        DirectedLink link = checkLink(from, to);
        block("net.hold", () -> network.path().clogs.hold(link));
    }

    public void release(String from, String to) {
        DirectedLink link = checkLink(from, to);
        lift(() -> network.path().clogs.release(link));
    }

    /** The messages sent and not yet delivered, oldest first. */
    public List<InFlight> inFlight() {
        network.lock.lock();
        try {
            return List.copyOf(network.path().inFlightLocked());
        } finally {
            network.unlock();
        }
    }

    /** Repairs every partition, unclogs everything and releases every hold. */
    public void healAll() {
        lift(() -> {
            boolean repaired = network.path().partitions.repairAll();
            boolean unclogged = network.path().clogs.clear();
            return repaired || unclogged;
        });
    }

    private void cut(List<DirectedLink> links) {
        network.lock.lock();
        try {
            fire("net.partition");
            for (DirectedLink link : links) {
                network.path().partitions.cut(link);
            }
            traceConditionsLocked();
        } finally {
            network.unlock();
        }
    }

    /** Cuts the links {@code topology} picks over the started hosts (at least {@code count}) in a seeded order. */
    private void cutSeeded(String name, int count, Function<List<String>, List<DirectedLink>> topology) {
        List<String> hosts = atLeast(count, name);
        network.lock.lock();
        try {
            cut(topology.apply(Topologies.shuffled(hosts, context.networkRandom())));
        } finally {
            network.unlock();
        }
    }

    /** Runs {@code clog} (a clog or a hold) under the lock, counted as a fault of {@code kind} that fired. */
    private void block(String kind, Runnable clog) {
        network.lock.lock();
        try {
            fire(kind);
            clog.run();
            traceConditionsLocked();
        } finally {
            network.unlock();
        }
    }

    /** Runs {@code lift} under the lock; if it lifted a clog, hold or cut (true), the messages it kept go on. */
    private void lift(BooleanSupplier lift) {
        network.lock.lock();
        try {
            if (lift.getAsBoolean()) {
                traceConditionsLocked();
                network.path().liftedLocked();
            }
        } finally {
            network.unlock();
        }
    }

    /** Tells a trace file, when the run writes one, what is cut, clogged and held now. */
    private void traceConditionsLocked() {
        if (context.recordsTrace()) {
            MessagePath path = network.path();
            context.networkConditions(path.partitions.described(), path.clogs.cloggedDescribed(),
                    path.clogs.heldDescribed());
        }
    }

    private void fire(String kind) {
        context.faultConfigured(kind);
        context.faultFired(kind);
    }

    private DirectedLink checkLink(String from, String to) {
        checkHost(from);
        checkHost(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("no link from host \"" + from + "\" to itself: give two hosts");
        }
        return new DirectedLink(from, to);
    }

    /** The side's hosts, checked: known, at least one, no duplicates. */
    private List<String> checkSide(Collection<String> side, String what) {
        if (side == null || side.isEmpty()) {
            throw new IllegalArgumentException(what + " " + side + " is empty: give at least one of " + hostNames());
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : side) {
            if (!hosts.add(checkHost(host))) {
                throw new IllegalArgumentException(what + " " + side + " names \"" + host + "\" twice");
            }
        }
        return List.copyOf(hosts);
    }

    private List<String> atLeast(int count, String topology) {
        List<String> hosts = startedHosts();
        if (hosts.size() < count) {
            throw new IllegalArgumentException(topology + " needs at least " + count + " started hosts, there are "
                    + hosts.size() + ": " + hosts);
        }
        return hosts;
    }

    private List<String> startedHosts() {
        return context.hosts().stream().map(Host::name).toList();
    }
}
