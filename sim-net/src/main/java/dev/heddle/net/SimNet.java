package dev.heddle.net;

import dev.heddle.net.internal.sim.NetworkControl;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.sim.SimContext;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The simulated network of the calling task's simulation, and the faults a test puts on it:
 * link settings (latency, loss, duplication, reordering, bandwidth), partitions, clogs, holds,
 * and the messages in flight.
 *
 * <pre>{@code
 * Simulation.ofSeed(seed).run(sim -> {
 *     Host b = sim.host("b", self -> {
 *         try (TcpListener listener = TcpListener.bind("0.0.0.0:7000");
 *                 TcpStream peer = listener.accept()) {
 *             peer.readExactly(new byte[5]);              // waits out the partition, then reads "hello"
 *         }
 *     });
 *     sim.host("a", self -> {
 *         try (TcpStream stream = TcpStream.connect("b:7000")) {
 *             Heddle.sleep(Duration.ofSeconds(1));
 *             stream.writeAll("hello".getBytes(UTF_8));
 *         }
 *     });
 *     SimNet net = SimNet.current();
 *     net.defaults().latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)));
 *     sim.sleep(Duration.ofMillis(100));
 *     net.partition(List.of("a"), List.of("b"));         // a's bytes stall, as TCP retransmits them
 *     sim.sleep(Duration.ofSeconds(5));
 *     net.repair("a", "b");                               // and arrive after the repair, in order
 *     b.mainTask().join();
 * });
 * }</pre>
 *
 * <p><b>Hosts</b> are named as started ({@code sim.host(name, ...)}); {@code "sim"} names the
 * test body, on no host. A name that is neither fails at once, naming the known ones. The
 * topologies ({@link #isolate}, {@link #splitMajority}, {@link #bridge}, {@link #ring}) are
 * Jepsen's, over the started hosts only: the test body, like Jepsen's control node, is not cut.
 *
 * <p><b>What a fault does to a message.</b> Datagrams across a cut are lost
 * ({@code "net.partition.drop"}). A connection's messages (its connection request and answer,
 * bytes, end, reset) are never lost to a cut: they stall, as TCP retransmits, and arrive in
 * order one latency after the repair. A reader therefore waits until its own timeout
 * ({@code Heddle.clock().timeout}, {@code Select}), and so does a writer once its connection's
 * window (64 KiB sent and not yet read by the peer) is full. Clogs and holds keep every message
 * on the link waiting, datagrams included, and let them go in send order, at once, on unclog or
 * release. A crashed host still resets its connections for their peers.
 *
 * <p><b>Counting.</b> Every fault kind set up is declared through
 * {@link SimContext#faultConfigured} and every firing counted through
 * {@link SimContext#faultFired}, so a run's result shows faults configured that never fired.
 * Kinds: {@code "net.delay.tail"}, {@code "net.drop"}, {@code "net.duplicate"},
 * {@code "net.reorder"}, {@code "net.retransmit"}, {@code "net.partition"}, {@code "net.clog"},
 * {@code "net.hold"}, and {@code "net.partition.drop"} (a datagram lost to a cut: counted, but
 * not declared by a partition, which is the fault configured; a partition of streams loses
 * nothing). Drops, duplicates, holds
 * and releases are trace events too. Every random choice comes from the run's network stream,
 * so a seed replays them all.
 */
public final class SimNet {
    private final NetworkControl control;

    private SimNet(NetworkControl control) {
        this.control = control;
    }

    /**
     * The network of the calling task's simulation.
     *
     * @throws IllegalStateException outside a simulation, where the real network decides
     */
    public static SimNet current() {
        SimContext context = SimContext.current().orElseThrow(() -> new IllegalStateException(
                "SimNet.current() outside a simulation: only a simulated network can be configured; call it from"
                        + " a simulation's body or one of its tasks"));
        return new SimNet(SimNetwork.of(context).control());
    }

    /** The settings of every link not configured on its own: 1 to 5 ms of latency, nothing else, unless set. */
    public Link defaults() {
        return new Link(control, null, null);
    }

    /** The directed link {@code from -> to}, with its own settings. */
    public Link link(String from, String to) {
        control.checkHost(from);
        control.checkHost(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("no link from host \"" + from + "\" to itself: give two hosts");
        }
        return new Link(control, from, to);
    }

    /** Cuts every link between {@code side} and {@code otherSide}, both ways ({@code "net.partition"}). */
    public void partition(Collection<String> side, Collection<String> otherSide) {
        control.partition(side, otherSide);
    }

    /** Cuts {@code from -> to} only: {@code from}'s messages no longer reach {@code to}; the other way works. */
    public void partitionOneWay(String from, String to) {
        control.partitionOneWay(from, to);
    }

    /** Cuts {@code host} from every other started host, both ways. */
    public void isolate(String host) {
        control.isolate(host);
    }

    /**
     * Cuts a seeded random minority ({@code n / 2} of the {@code n} started hosts) from the rest,
     * both ways, as Jepsen's random halves; returns the minority, in start order.
     */
    public List<String> splitMajority() {
        return control.splitMajority();
    }

    /**
     * Jepsen's bridge: the started hosts, shuffled from the seed, are cut into two halves, but
     * one host of the larger half (the bridge) still reaches both. Needs three hosts.
     */
    public void bridge() {
        control.bridge();
    }

    /**
     * Jepsen's majorities-ring: the started hosts are put on a seeded ring; each hears only from
     * the majority-sized window of hosts around it, so each sees a majority and no two the same.
     * Needs three hosts.
     */
    public void ring() {
        control.ring();
    }

    /** Undoes any cut between {@code a} and {@code b}, both ways; what stalled goes on. */
    public void repair(String a, String b) {
        control.repair(a, b);
    }

    /** Undoes every cut. */
    public void repairAll() {
        control.repairAll();
    }

    /** Every message to or from {@code host} is held until {@link #unclog} ({@code "net.clog"}). */
    public void clog(String host) {
        control.clog(host);
    }

    /** Lets go what the clog of {@code host} held, in send order. */
    public void unclog(String host) {
        control.unclog(host);
    }

    /** Every message {@code from -> to} is held until {@link #unclogLink} ({@code "net.clog"}). */
    public void clogLink(String from, String to) {
        control.clogLink(from, to);
    }

    public void unclogLink(String from, String to) {
        control.unclogLink(from, to);
    }

    /**
     * FoundationDB's swizzle-clogging: clogs a seeded random non-empty subset of {@code hosts}
     * one host every {@code spacing} of virtual time, then unclogs them one every
     * {@code spacing}, in another seeded order. Runs on timers: returns at once.
     */
    public void swizzleClog(Collection<String> hosts, Duration spacing) {
        control.swizzleClog(hosts, spacing);
    }

    /** Messages {@code from -> to} stay in flight until {@link #release} ({@code "net.hold"}). */
    public void hold(String from, String to) {
        control.hold(from, to);
    }

    /** Lets go what the hold of {@code from -> to} kept, in send order. */
    public void release(String from, String to) {
        control.release(from, to);
    }

    /** The messages sent and not yet delivered, oldest first, to inspect, drop or deliver. */
    public List<InFlight> inFlight() {
        return control.inFlight();
    }

    /** Repairs every cut, unclogs every host and link, and releases every hold. */
    public void healAll() {
        control.healAll();
    }

    @Override
    public String toString() {
        return "the simulated network of hosts " + control.hostNames();
    }
}
