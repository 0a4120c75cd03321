package dev.heddle.examples.raft;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.HistoryRecorder;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.PendingOperation;
import dev.heddle.check.model.Models;
import dev.heddle.net.Chaos;
import dev.heddle.net.Latency;
import dev.heddle.net.Link;
import dev.heddle.net.Phases;
import dev.heddle.net.SimNet;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Host;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimContext;
import dev.heddle.sim.SwarmProfile;
import dev.heddle.time.TimeDriver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The test of the store, in Jepsen's and FoundationDB's phases: start 3 to 5 nodes and 3 or 4
 * clients on simulated hosts; let the clients run random gets, puts, appends and cas on a few
 * keys while the network and the nodes fail (partitions both ways and one way, clogs, lossy and
 * duplicating links, crashes and restarts, pauses; the hosts' clocks skewed, buggify points in
 * the store); heal everything; require that a leader is elected and serves every client within
 * {@link Settings#recovery()}; then check the recorded history for linearizability with the
 * key-value model, one key at a time. {@link ClusterInvariants} checks Raft's safety all along.
 *
 * <p>Every client operation is recorded with the true virtual time of its call and its return
 * (not the client host's skewed clock, which would misorder operations of different clients);
 * an operation the client gave up on is recorded as unknown, as it may have taken effect.
 */
public final class RaftWorkload {
    /** The keys the clients use: few, so that operations on one key overlap often. */
    private static final List<String> KEYS = List.of("x", "y", "z");
    /** How long a client tries one operation before it records it as unknown and moves on. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(5);
    /** The longest pause between two operations of a client. */
    private static final Duration THINK_TIME = Duration.ofMillis(60);
    /** The budget of the linearizability check: far more than a history of this workload needs. */
    private static final Duration CHECK_BUDGET = Duration.ofSeconds(60);

    /** The probe of a run in which a partition was made and, once healed, the cluster served every client. */
    public static final String PARTITION_HEALED = "a partition healed";

    private RaftWorkload() {}

    /**
     * What to run: how long the faults last, how long the healed cluster has to serve every
     * client, and which bugs are planted.
     */
    public record Settings(Duration chaos, Duration recovery, PlantedBugs bugs) {
        /** Ten seconds of faults, thirty to recover: what the default test suite runs per seed. */
        public static Settings standard(PlantedBugs bugs) {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), bugs);
        }
    }

    /** Runs the whole test in the simulation of {@code sim}; fails the run at the first broken property. */
    public static void run(Sim sim, Settings settings) throws Exception {
        run(sim, settings, clientOperations -> {});
    }

    /**
     * As {@link #run(Sim, Settings)}, handing {@code clientOperations} the recorder of the clients'
     * operations before they start. A recorder, not the history: a run that fails on a broken
     * invariant ends before its history is complete, and its {@link HistoryRecorder#history()} is
     * still what the clients saw up to the failure (operations in flight as unknown), which
     * {@code ./heddle demo} checks and draws for its shrunk failure.
     */
    public static void run(Sim sim, Settings settings, Consumer<HistoryRecorder> clientOperations) throws Exception {
        RandomGenerator random = sim.random();
        int nodeCount = 3 + random.nextInt(3);
        int clientCount = 3 + random.nextInt(2);
        SimNet net = SimNet.current();
        configureLinks(net.defaults());

        ClusterInvariants invariants = new ClusterInvariants(sim);
        VoterCrashes voterCrashes = new VoterCrashes(0.3);
        RaftObserver observer = new Watch(invariants, voterCrashes);
        List<String> nodes = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            nodes.add("n" + i);
        }
        List<Host> nodeHosts = new ArrayList<>();
        for (String name : nodes) {
            Host host = sim.host(name, self -> RaftNode.serve(self, nodes, settings.bugs(), observer));
            host.onCrash(() -> invariants.crashed(name));
            nodeHosts.add(host);
        }

        TimeDriver trueTime = SimContext.current().orElseThrow().time();
        HistoryRecorder history = new HistoryRecorder(trueTime::now);
        clientOperations.accept(history);
        ClientPhase phase = new ClientPhase();
        List<Host> clients = new ArrayList<>();
        List<String> everyone = new ArrayList<>(nodes);
        for (int c = 1; c <= clientCount; c++) {
            int id = c;
            clients.add(sim.host("c" + id, self -> runClient(id, nodes, history, phase)));
            everyone.add("c" + id);
        }

        Chaos chaos = Chaos.builder().partitions(0.5).clogs(0.3).crashes(0.3).pauses(0.3)
                .lasting(Duration.ofMillis(50), Duration.ofSeconds(3))
                .hosts(nodes.toArray(String[]::new))
                .build();
        JoinHandle<Void> oneWay = sim.spawn("one-way partitions",
                () -> OneWayPartitions.run(everyone, settings.chaos(), 0.5, Duration.ofSeconds(3)));
        JoinHandle<Void> crashes = sim.spawn("crashes after votes", () -> voterCrashes.run(nodeHosts, settings.chaos()));
        Phases phases = Phases.chaos(settings.chaos(), chaos);
        oneWay.join();
        crashes.join();
        boolean partitioned = partitionsFired();
        phase.healed = true;
        phases.thenHeal()
                .thenExpectWithin(settings.recovery(), "a leader is elected and serves every client",
                        () -> {
                            if (phase.served < clientCount) {
                                throw new IllegalStateException(phase.served + " of " + clientCount
                                        + " clients served so far; the nodes: " + invariants.describeNodes());
                            }
                            return true;
                        });
        sim.sometimes(PARTITION_HEALED, partitioned);
        for (Host client : clients) {
            client.mainTask().join();
        }

        checkLinearizable(history.history(), nodeCount + " nodes (" + settings.bugs() + ", "
                + invariants.committedEntries() + " entries committed)");
    }

    /** Fails with the checker's counterexample unless {@code history} is linearizable, key by key. */
    private static void checkLinearizable(History history, String cluster) {
        CheckResult result = LinearizabilityChecker.of(Models.keyValue()).withTimeout(CHECK_BUDGET).withParallelism(1)
                .check(history);
        if (!result.linearizable()) {
            throw new AssertionError("linearizability: the history of " + history.size() + " client operations on "
                    + cluster + " is " + result.verdict() + " against the key-value model:\n" + result.describe());
        }
    }

    /** What the test watches the nodes for: Raft's invariants, and the votes after which its nemesis crashes a node. */
    private record Watch(ClusterInvariants invariants, VoterCrashes voterCrashes) implements RaftObserver {
        @Override
        public void started(RaftNode node) {
            invariants.started(node);
        }

        @Override
        public void voteGranted(RaftNode node, String candidate) {
            invariants.voteGranted(node, candidate);
            voterCrashes.voted(node.name());
        }

        @Override
        public void leaderElected(RaftNode node) {
            invariants.leaderElected(node);
        }

        @Override
        public void committed(RaftNode node, int index, LogEntry entry) {
            invariants.committed(node, index, entry);
        }

        @Override
        public void deduplicated(Command command) {
            invariants.deduplicated(command);
        }
    }

    /** What the clients and the test body share: whether the faults are over, and how many clients were served since. */
    private static final class ClientPhase {
        boolean healed;
        int served;
    }

    /** Latency with a rare long tail for every link, and, as the seed's swarm profile decides, loss, duplicates and reordering. */
    private static void configureLinks(Link links) {
        links.latency(Latency.of(Duration.ofMillis(1), Duration.ofMillis(4), 0.01, Duration.ofMillis(300)));
        Optional<SwarmProfile> swarm = SimContext.current().orElseThrow().swarm();
        links.loss(swarm.map(p -> p.rate("net.drop", 0.05)).orElse(0.01));
        links.duplicate(swarm.map(p -> p.rate("net.duplicate", 0.05)).orElse(0.01));
        links.reorder(swarm.map(p -> p.rate("net.reorder", 0.2)).orElse(0.05));
    }

    private static boolean partitionsFired() {
        SimContext context = SimContext.current().orElseThrow();
        return context.faultCount("net.partition") + context.faultCount(OneWayPartitions.KIND) > 0;
    }

    /**
     * One client: random operations until the faults are healed, then operations until one
     * succeeds (the cluster serves it), every one recorded.
     */
    private static void runClient(int id, List<String> nodes, HistoryRecorder history, ClientPhase phase)
            throws IOException {
        Map<String, String> lastSeen = new HashMap<>();
        int sequence = 0;
        try (RaftClient client = new RaftClient(id, nodes)) {
            while (!phase.healed) {
                operate(client, history, lastSeen, ++sequence);
                Heddle.sleep(Duration.ofNanos(Heddle.random().nextLong(THINK_TIME.toNanos())));
            }
            while (!operate(client, history, lastSeen, ++sequence)) {
                Heddle.sleep(THINK_TIME);
            }
            phase.served++;
        }
    }

    /**
     * One random operation on a random key, recorded; true when it completed. Puts, appends and
     * cas write values no other operation writes ({@code c2-7;}: the client and its sequence
     * number), so the checker can tell every write apart; a cas expects the value this client
     * saw last on that key, which is often still there.
     */
    private static boolean operate(RaftClient client, HistoryRecorder history, Map<String, String> lastSeen,
                                   int sequence) throws IOException {
        RandomGenerator random = Heddle.random();
        String key = KEYS.get(random.nextInt(KEYS.size()));
        String token = "c" + client.id() + "-" + sequence + ";";
        int dice = random.nextInt(100);
        if (dice < 35) {
            PendingOperation op = history.invoke(client.id(), "get", key, null);
            Optional<String> value = client.execute(Command.Kind.GET, key, null, null, GIVE_UP_AFTER);
            value.ifPresent(v -> lastSeen.put(key, v));
            return complete(op, value, value.orElse(null));
        } else if (dice < 60) {
            PendingOperation op = history.invoke(client.id(), "put", key, token);
            Optional<String> done = client.execute(Command.Kind.PUT, key, token, null, GIVE_UP_AFTER);
            done.ifPresent(v -> lastSeen.put(key, token));
            return complete(op, done, null);
        } else if (dice < 85) {
            PendingOperation op = history.invoke(client.id(), "append", key, token);
            return complete(op, client.execute(Command.Kind.APPEND, key, token, null, GIVE_UP_AFTER), null);
        } else {
            String expected = lastSeen.getOrDefault(key, "");
            PendingOperation op = history.invoke(client.id(), "cas", key, List.of(expected, token));
            Optional<String> swapped = client.execute(Command.Kind.CAS, key, token, expected, GIVE_UP_AFTER);
            if (swapped.filter(Boolean::parseBoolean).isPresent()) {
                lastSeen.put(key, token);
            }
            return complete(op, swapped, swapped.map(Boolean::parseBoolean).orElse(null));
        }
    }

    private static boolean complete(PendingOperation op, Optional<String> result, Object output) {
        if (result.isPresent()) {
            op.ok(output);
            return true;
        }
        op.unknown();
        return false;
    }
}
