package dev.heddle.examples.raft;

import static dev.heddle.sim.Buggify.buggify;

import dev.heddle.examples.raft.Message.AppendEntries;
import dev.heddle.examples.raft.Message.AppendReply;
import dev.heddle.examples.raft.Message.ClientReply;
import dev.heddle.examples.raft.Message.ClientRequest;
import dev.heddle.examples.raft.Message.RequestVote;
import dev.heddle.examples.raft.Message.Vote;
import dev.heddle.net.Datagram;
import dev.heddle.net.Net;
import dev.heddle.net.UdpSocket;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.time.Elapsed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server of the cluster: its role, what it knows of the log's commit, and the loop that
 * runs it. One task does everything (receive a datagram, handle it, fire the timer that is due),
 * so the node's state needs no lock and each handler runs to its end before the next message.
 * {@link Election} and {@link Replication} hold the two halves of the protocol; this class
 * holds the state they share and what every message goes through first: a message from a later
 * term makes this node a follower of that term (Raft's rule for all servers).
 *
 * <p>The loop waits for a datagram until the next timer: the election timeout of a follower or
 * candidate, drawn anew each time in [{@link #ELECTION_TIMEOUT_MIN}, twice that], so that two
 * candidates seldom time out together; the leader's heartbeat, every {@link #HEARTBEAT}; and as
 * often, a candidate's request for the votes it has not heard back (a datagram may be lost).
 */
public final class RaftNode {
    /** The UDP port every node listens on. */
    public static final int PORT = 7000;
    static final Duration HEARTBEAT = Duration.ofMillis(50);
    static final Duration ELECTION_TIMEOUT_MIN = Duration.ofMillis(300);

    /** Where a node is in Raft's state machine of roles. */
    enum Role { FOLLOWER, CANDIDATE, LEADER }

    final String name;
    /** The other nodes, by name. */
    final List<String> peers;
    final DurableLog log;
    final KvStateMachine machine;
    final PlantedBugs bugs;
    final RaftObserver observer;
    final Election election;
    final Replication replication;
    private final UdpSocket socket;
    private final Map<String, InetSocketAddress> addresses = new HashMap<>();

    Role role = Role.FOLLOWER;
    /** The leader of the current term as far as this node knows; null when it knows none. */
    String leaderHint;
    int commitIndex;
    private int lastApplied;
    private long electionDeadline;
    private long nextHeartbeat;
    /** The leader's clients waiting for the entry at an index to apply, with where to answer them. */
    private final Map<Integer, Waiting> waiting = new LinkedHashMap<>();

    private record Waiting(Command command, InetSocketAddress client) {}

    private RaftNode(Host self, List<String> cluster, UdpSocket socket, PlantedBugs bugs, RaftObserver observer)
            throws IOException {
        this.name = self.name();
        this.peers = cluster.stream().filter(n -> !n.equals(name)).toList();
        this.log = new DurableLog(self.durable());
        this.bugs = bugs;
        this.observer = observer;
        this.machine = new KvStateMachine(bugs, observer);
        this.socket = socket;
        for (String peer : peers) {
            addresses.put(peer, new InetSocketAddress(Net.resolve(peer).getFirst(), PORT));
        }
        this.election = new Election(this);
        this.replication = new Replication(this);
    }

    /**
     * Runs the node named like {@code self} in the cluster of nodes {@code cluster} (its own name
     * included) until its host crashes: a {@link dev.heddle.sim.HostBody} for each node's host.
     */
    public static void serve(Host self, List<String> cluster, PlantedBugs bugs, RaftObserver observer)
            throws IOException {
        try (UdpSocket socket = UdpSocket.bind("0.0.0.0:" + PORT)) {
            RaftNode node = new RaftNode(self, cluster, socket, bugs, observer);
            observer.started(node);
            node.run();
        }
    }

    /** The size of a majority of the cluster, this node included. */
    int majority() {
        return (peers.size() + 1) / 2 + 1;
    }

    /** The node's name. */
    public String name() {
        return name;
    }

    private void run() throws IOException {
        resetElectionTimer();
        while (true) {
            long timer = switch (role) {
                case LEADER -> nextHeartbeat;
                case CANDIDATE -> Math.min(nextHeartbeat, electionDeadline);
                case FOLLOWER -> electionDeadline;
            };
            Datagram datagram = receiveUntil(timer);
            if (datagram != null) {
                handle(MessageCodec.decode(datagram.payload()), datagram.sender());
            }
            long now = Heddle.now();
            if (role != Role.LEADER && now >= electionDeadline) {
                election.start();
                nextHeartbeat = now + HEARTBEAT.toNanos();
            } else if (role != Role.FOLLOWER && now >= nextHeartbeat) {
                if (role == Role.LEADER) {
                    replication.sendToAll();
                } else {
                    election.askAgain();
                }
                nextHeartbeat = now + HEARTBEAT.toNanos();
            }
        }
    }

    private Datagram receiveUntil(long deadline) throws IOException {
        long wait = deadline - Heddle.now();
        if (wait <= 0) {
            return null;
        }
        try {
            return Heddle.clock().timeout(Duration.ofNanos(wait), socket::receive);
        } catch (Elapsed e) {
            return null;
        }
    }

    private void handle(Message message, InetSocketAddress sender) throws IOException {
        switch (message) {
            case RequestVote m -> {
                observeTerm(m.term());
                election.onRequestVote(m);
            }
            case Vote m -> {
                observeTerm(m.term());
                election.onVote(m);
            }
            case AppendEntries m -> {
                observeTerm(m.term());
                replication.onAppendEntries(m);
            }
            case AppendReply m -> {
                observeTerm(m.term());
                replication.onAppendReply(m);
            }
            case ClientRequest m -> onClientRequest(m.command(), sender);
            case ClientReply m -> { } // for clients; a node never asked
        }
    }

    /** A message of a later term: this node is behind, and follows in that term. */
    private void observeTerm(long term) {
        if (term > log.term()) {
            log.enterTerm(term);
            stepDown();
        }
    }

    /** Becomes a follower of the current term; the leader's waiting clients will retry elsewhere. */
    void stepDown() {
        if (role != Role.FOLLOWER) {
            role = Role.FOLLOWER;
            waiting.clear();
            resetElectionTimer();
        }
        leaderHint = null;
    }

    /** Won the current term's election: leads from now on, its first heartbeat at once. */
    void becomeLeader() throws IOException {
        role = Role.LEADER;
        leaderHint = name;
        replication.lead();
        nextHeartbeat = Heddle.now() + HEARTBEAT.toNanos();
    }

    void resetElectionTimer() {
        long min = ELECTION_TIMEOUT_MIN.toNanos();
        if (buggify("raft.election-timeout-short")) {
            min /= 10; // elections that collide: split votes, and candidates racing in one term
        }
        electionDeadline = Heddle.now() + min + Heddle.random().nextLong(min);
    }

    private void onClientRequest(Command command, InetSocketAddress client) throws IOException {
        if (role != Role.LEADER) {
            send(client, new ClientReply(command.client(), command.request(), false, null, leaderHint));
            return;
        }
        if (command.kind() == Command.Kind.GET && bugs.on(PlantedBugs.Bug.STALE_READ)) {
            send(client, new ClientReply(command.client(), command.request(), true, machine.read(command.key()), name));
            return;
        }
        log.append(new LogEntry(log.term(), command));
        waiting.put(log.lastIndex(), new Waiting(command, client));
        replication.sendToAll();
        replication.advanceCommit();
    }

    /** Learned that the log is committed up to {@code index}: tells the observer, then applies. */
    void commitTo(int index) throws IOException {
        if (index <= commitIndex) {
            return;
        }
        for (int i = commitIndex + 1; i <= index; i++) {
            observer.committed(this, i, log.entry(i));
        }
        commitIndex = index;
        while (lastApplied < commitIndex) {
            lastApplied++;
            LogEntry entry = log.entry(lastApplied);
            String result = machine.apply(entry.command());
            Waiting w = waiting.remove(lastApplied);
            if (w != null && w.command().equals(entry.command()) && result != null
                    && !buggify("raft.reply-lost")) {
                send(w.client(), new ClientReply(w.command().client(), w.command().request(), true, result, name));
            }
        }
    }

    void send(String peer, Message message) throws IOException {
        send(addresses.get(peer), message);
    }

    private void send(InetSocketAddress to, Message message) throws IOException {
        socket.send(MessageCodec.encode(message), to);
    }

    /** The role, the current term and the commit index, as the invariants' failure messages show a node. */
    @Override
    public String toString() {
        return name + " (" + role + " of term " + log.term() + ", log " + log.lastIndex() + " entries, committed "
                + commitIndex + ")";
    }
}
