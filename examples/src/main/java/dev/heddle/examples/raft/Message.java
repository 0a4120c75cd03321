package dev.heddle.examples.raft;

import java.util.List;

/**
 * What nodes and clients send each other, one message per UDP datagram. Datagrams may be lost,
 * duplicated, reordered or delayed, so every handler accepts a message it has seen before or one
 * that comes too late: terms and indexes in the messages say which are stale.
 */
public sealed interface Message {

    /** A candidate asks for a vote in {@code term}; its log ends at ({@code lastIndex}, {@code lastTerm}). */
    record RequestVote(long term, String candidate, int lastIndex, long lastTerm) implements Message {}

    /** A node's answer to {@link RequestVote}. */
    record Vote(long term, String voter, boolean granted) implements Message {}

    /**
     * The leader's entries for one follower, after the entry at {@code prevIndex} of term
     * {@code prevTerm}, which the follower must already hold; with no entries, a heartbeat.
     */
    record AppendEntries(long term, String leader, int prevIndex, long prevTerm, List<LogEntry> entries,
                         int leaderCommit) implements Message {}

    /**
     * A follower's answer to {@link AppendEntries}: on success {@code matchIndex} is the last index
     * it now holds as the leader sent it; on failure, the index from which the leader should look
     * for where the logs agree.
     */
    record AppendReply(long term, String follower, boolean success, int matchIndex) implements Message {}

    /** A client's request, sent to the node the client believes leads. */
    record ClientRequest(Command command) implements Message {}

    /**
     * The answer to a {@link ClientRequest}: {@code ok} with the command's result, or not the
     * leader, with the leader this node knows of ({@code leaderHint}, null when none).
     */
    record ClientReply(int client, long request, boolean ok, String result, String leaderHint) implements Message {}
}
