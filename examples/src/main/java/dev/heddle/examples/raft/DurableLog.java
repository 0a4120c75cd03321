package dev.heddle.examples.raft;

import dev.heddle.sim.DurableStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What Raft requires a node to keep across a crash: its current term, the candidate it voted
 * for in that term, and its log. Each change is written to the host's {@link DurableStore}
 * before the method returns, so before the node answers anyone: a node that granted a vote and
 * forgot it after a restart could vote twice in one term, and one that acknowledged entries and
 * lost them could undo a commit. A copy is kept in memory for reading; it is loaded back from
 * the store when the node starts.
 *
 * <p>The store holds {@code term}, {@code vote}, {@code log.size} and one key per entry,
 * {@code log/00000001} on, so that appending an entry writes one entry, not the whole log.
 */
final class DurableLog {
    private static final String TERM = "term";
    private static final String VOTE = "vote";
    private static final String SIZE = "log.size";

    private final DurableStore store;
    private final List<LogEntry> entries = new ArrayList<>();
    private long term;
    private String votedFor;

    /** The state the store holds: empty on a host's first start. */
    DurableLog(DurableStore store) {
        this.store = store;
        byte[] savedTerm = store.get(TERM);
        term = savedTerm == null ? 0 : ByteBuffer.wrap(savedTerm).getLong();
        byte[] savedVote = store.get(VOTE);
        votedFor = savedVote == null || savedVote.length == 0 ? null : new String(savedVote, StandardCharsets.UTF_8);
        byte[] savedSize = store.get(SIZE);
        int size = savedSize == null ? 0 : ByteBuffer.wrap(savedSize).getInt();
        for (int index = 1; index <= size; index++) {
            entries.add(MessageCodec.decodeEntry(store.get(entryKey(index))));
        }
    }

    long term() {
        return term;
    }

    /** The candidate this node voted for in {@link #term()}, or null. */
    String votedFor() {
        return votedFor;
    }

    /** Moves to a later term, where this node has not voted yet. */
    void enterTerm(long newTerm) {
        if (newTerm <= term) {
            throw new IllegalArgumentException("term " + newTerm + " is not after the current term " + term);
        }
        term = newTerm;
        votedFor = null;
        store.put(TERM, ByteBuffer.allocate(Long.BYTES).putLong(term).array());
        store.put(VOTE, new byte[0]);
    }

    /** Records this node's vote in the current term, durably, before the vote is sent. */
    void vote(String candidate) {
        votedFor = candidate;
        store.put(VOTE, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The planted bug {@link PlantedBugs.Bug#UNPERSISTED_VOTE}: the vote is only in memory, so a
     * crash right after it lets the restarted node vote again in the same term.
     */
    void voteInMemoryOnly(String candidate) {
        votedFor = candidate;
    }

    /** The index of the last entry; 0 for an empty log (indexes start at 1, as in the paper). */
    int lastIndex() {
        return entries.size();
    }

    /** The term of the entry at {@code index}; 0 at index 0, before the first entry. */
    long termAt(int index) {
        return index == 0 ? 0 : entries.get(index - 1).term();
    }

    long lastTerm() {
        return termAt(lastIndex());
    }

    LogEntry entry(int index) {
        return entries.get(index - 1);
    }

    /** The entries from {@code from} to {@code to}, both included; a copy. */
    List<LogEntry> entries(int from, int to) {
        return List.copyOf(entries.subList(from - 1, to));
    }

    void append(LogEntry entry) {
        entries.add(entry);
        store.put(entryKey(entries.size()), MessageCodec.encodeEntry(entry));
        store.put(SIZE, ByteBuffer.allocate(Integer.BYTES).putInt(entries.size()).array());
    }

    /** Drops the entries from {@code index} on: a follower's entries that conflict with its leader's. */
    void truncateFrom(int index) {
        while (entries.size() >= index) {
            store.remove(entryKey(entries.size()));
            entries.removeLast();
        }
        store.put(SIZE, ByteBuffer.allocate(Integer.BYTES).putInt(entries.size()).array());
    }

    private static String entryKey(int index) {
        return String.format("log/%08d", index);
    }
}
