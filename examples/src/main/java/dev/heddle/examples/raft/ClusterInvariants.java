package dev.heddle.examples.raft;

import dev.heddle.sim.Sim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raft's safety properties, checked from outside as they happen, with a view of every node no
 * node has: which node led each term, and which entry was committed at each index (the first
 * node to learn an index committed fixes it). Each check is a {@code sim.always} probe, so a
 * sweep counts them, and a violation fails the run with the invariant's name and what broke it;
 * the scenarios the test must reach are {@code sim.sometimes}/{@code sim.reachable} probes.
 * Everything runs on the simulation's one carrier, one task at a time: plain maps suffice.
 */
public final class ClusterInvariants implements RaftObserver {
    /** At most one leader per term (Raft's election safety). */
    public static final String ONE_LEADER_PER_TERM = "at most one leader per term";
    /** A node votes for at most one candidate in a term, across its crashes too. */
    public static final String ONE_VOTE_PER_TERM = "one vote per node and term";
    /**
     * A new leader's log holds every entry committed in an earlier term (leader completeness). A
     * leader of an older term can still be elected late (a candidate paused while its votes were
     * on their way): it need not hold what later terms committed.
     */
    public static final String COMMITTED_NEVER_LOST = "committed entries never lost";
    /** Nodes that learn an index committed learn the same entry there (state machine safety). */
    public static final String LOGS_AGREE = "logs agree on committed prefixes";
    /** A leader was elected after another node had led: the scenario a leader change needs tested. */
    public static final String LEADER_CHANGE = "leader change";
    /** A node crashed with entries in its log not yet committed. */
    public static final String CRASH_DURING_REPLICATION = "a crash during replication";
    /** A state machine answered a copy of an applied request from its session, not applying it twice. */
    public static final String RETRY_DEDUPLICATED = "a retried request deduplicated";

    private final Sim sim;
    private final Map<Long, String> leaderOfTerm = new HashMap<>();
    /** "node@term" to the candidate that node voted for in that term. */
    private final Map<String, String> votes = new HashMap<>();
    /** Index (from 1) to the entry committed there and the term in which it was committed. */
    private final List<Committed> committed = new ArrayList<>();
    private final Map<String, RaftNode> nodes = new HashMap<>();
    private String lastLeader;

    /**
     * An entry known committed, and the term of the leader that committed it: the term of the
     * first node to learn it, since a leader learns its commits before its followers do.
     */
    private record Committed(LogEntry entry, long term) {}

    public ClusterInvariants(Sim sim) {
        this.sim = sim;
    }

    @Override
    public void started(RaftNode node) {
        nodes.put(node.name, node);
    }

    @Override
    public void voteGranted(RaftNode node, String candidate) {
        long term = node.log.term();
        String earlier = votes.putIfAbsent(node.name + "@" + term, candidate);
        sim.always(ONE_VOTE_PER_TERM, earlier == null || earlier.equals(candidate), () -> node + " votes for "
                + candidate + " in term " + term + ", having voted for " + earlier + " in that term before");
    }

    @Override
    public void leaderElected(RaftNode node) {
        long term = node.log.term();
        String earlier = leaderOfTerm.putIfAbsent(term, node.name);
        sim.always(ONE_LEADER_PER_TERM, earlier == null || earlier.equals(node.name),
                () -> "term " + term + " has two leaders: " + earlier + " and " + node);
        for (int index = 1; index <= committed.size(); index++) {
            Committed c = committed.get(index - 1);
            if (c.term() >= term) {
                continue; // committed in this term or a later one: a leader elected late, in an older term, may lack it
            }
            boolean held = index <= node.log.lastIndex() && node.log.entry(index).equals(c.entry());
            int at = index;
            sim.always(COMMITTED_NEVER_LOST, held, () -> "the new leader " + node + " lacks the entry committed at"
                    + " index " + at + " in term " + c.term() + ", " + c.entry() + "; it holds "
                    + (at <= node.log.lastIndex() ? node.log.entry(at) : "nothing") + " there");
        }
        sim.sometimes(LEADER_CHANGE, lastLeader != null && !lastLeader.equals(node.name));
        lastLeader = node.name;
    }

    @Override
    public void committed(RaftNode node, int index, LogEntry entry) {
        if (index == committed.size() + 1) {
            committed.add(new Committed(entry, node.log.term()));
            return;
        }
        LogEntry first = index <= committed.size() ? committed.get(index - 1).entry() : null;
        sim.always(LOGS_AGREE, first != null && first.equals(entry), () -> node + " commits " + entry + " at index "
                + index + ", where " + (first == null ? "the entries before it were never committed"
                : "the entry committed first is " + first));
    }

    @Override
    public void deduplicated(Command command) {
        sim.reachable(RETRY_DEDUPLICATED);
    }

    /**
     * The host of {@code nodeName} just crashed: a crash during replication when its last
     * incarnation held entries it did not know committed.
     */
    public void crashed(String nodeName) {
        RaftNode node = nodes.get(nodeName);
        sim.sometimes(CRASH_DURING_REPLICATION, node != null && node.log.lastIndex() > node.commitIndex);
    }

    /** How many entries are known committed: the longest committed prefix any node learned. */
    public int committedEntries() {
        return committed.size();
    }

    /** Every node's last incarnation as it stands (role, term, log, commit), for a failure message. */
    public String describeNodes() {
        return nodes.values().stream().map(RaftNode::toString).sorted().toList().toString();
    }
}
