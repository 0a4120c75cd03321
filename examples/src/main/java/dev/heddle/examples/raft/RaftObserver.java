package dev.heddle.examples.raft;

/**
 * What a node tells whoever checks the cluster from outside: a test's view of every node at
 * once, which no node has. The store calls it at the moments Raft's safety properties are about
 * (a leader elected, an entry committed); {@link ClusterInvariants} checks them there.
 */
public interface RaftObserver {

    /** {@code node} started (a host's first start, or a restart), its state loaded from its durable store. */
    void started(RaftNode node);

    /** {@code node} granted its vote in its current term to {@code candidate}, and sent it. */
    void voteGranted(RaftNode node, String candidate);

    /** {@code node} won the election of its current term; its log is as it will lead with it. */
    void leaderElected(RaftNode node);

    /** {@code node} learned that the entry at {@code index} of its log is committed. */
    void committed(RaftNode node, int index, LogEntry entry);

    /** A state machine met a copy of a request it had applied, and answered it without applying it again. */
    void deduplicated(Command command);
}
