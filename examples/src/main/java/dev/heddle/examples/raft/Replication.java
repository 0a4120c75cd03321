package dev.heddle.examples.raft;

import static dev.heddle.sim.Buggify.buggify;

import dev.heddle.examples.raft.Message.AppendEntries;
import dev.heddle.examples.raft.Message.AppendReply;
import dev.heddle.runtime.Heddle;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Log replication (section 5.3 of the Raft paper), both sides. The leader sends each follower
 * the entries from the index it believes the follower needs next, with the index and term of the
 * entry before them; a follower accepts them only if it holds that entry, drops whatever of its
 * own log conflicts, and answers how far its log now matches the leader's. The leader commits an
 * entry of its own term once a majority holds it (section 5.4.2: an older term's entry is
 * committed only with one of the current term, which is why a new leader appends a no-op), and
 * followers learn the commit index with the next message.
 *
 * <p>Messages are datagrams: lost ones are sent again with the next heartbeat, and a follower
 * takes a duplicate or a late one as it takes any other, never dropping entries that match, so
 * an old message cannot undo a newer one. The leader sends at once only on an answer that moved
 * the follower forward (or back, on a mismatch); sending on every answer, duplicates included,
 * starts a new chain of messages with each heartbeat, and a slow follower then falls further
 * behind the longer it is slow (the simulator found that livelock: buggify's slow follower).
 */
final class Replication {
    /** The most entries in one message, which keeps a datagram far below its 64 KiB limit. */
    private static final int MAX_ENTRIES = 32;

    private final RaftNode node;
    /** Per follower, the index of the next entry to send it (the leader's guess, moved back on failure). */
    private final Map<String, Integer> nextIndex = new HashMap<>();
    /** Per follower, the last index known to match the leader's log. */
    private final Map<String, Integer> matchIndex = new HashMap<>();

    Replication(RaftNode node) {
        this.node = node;
    }

    /** This node was just elected: it appends its term's no-op and starts replicating. */
    void lead() throws IOException {
        DurableLog log = node.log;
        if (node.bugs.on(PlantedBugs.Bug.LOST_UPDATE_ON_LEADER_CHANGE)) {
            log.truncateFrom(node.commitIndex + 1);
        }
        for (String peer : node.peers) {
            nextIndex.put(peer, log.lastIndex() + 1);
            matchIndex.put(peer, 0);
        }
        log.append(new LogEntry(log.term(), Command.noop()));
        node.observer.leaderElected(node);
        sendToAll();
        advanceCommit();
    }

    void sendToAll() throws IOException {
        for (String peer : node.peers) {
            sendTo(peer);
        }
    }

    private void sendTo(String peer) throws IOException {
        DurableLog log = node.log;
        int next = nextIndex.get(peer);
        int last = Math.min(log.lastIndex(), next + MAX_ENTRIES - 1);
        List<LogEntry> entries = next <= last ? log.entries(next, last) : List.of();
        node.send(peer, new AppendEntries(log.term(), node.name, next - 1, log.termAt(next - 1), entries,
                node.commitIndex));
    }

    /** A follower's side: accept the leader's entries if the logs agree before them. */
    void onAppendEntries(AppendEntries request) throws IOException {
        DurableLog log = node.log;
        if (request.term() < log.term()) {
            node.send(request.leader(), new AppendReply(log.term(), node.name, false, 0));
            return;
        }
        if (node.role != RaftNode.Role.FOLLOWER) {
            node.stepDown();
        }
        node.leaderHint = request.leader();
        node.resetElectionTimer();
        if (request.prevIndex() > log.lastIndex() || log.termAt(request.prevIndex()) != request.prevTerm()) {
            int retryFrom = Math.min(log.lastIndex(), request.prevIndex() - 1);
            node.send(request.leader(), new AppendReply(log.term(), node.name, false, retryFrom));
            return;
        }
        int index = request.prevIndex();
        for (LogEntry entry : request.entries()) {
            index++;
            if (index <= log.lastIndex() && log.termAt(index) != entry.term()) {
                log.truncateFrom(index);
            }
            if (index > log.lastIndex()) {
                log.append(entry);
            }
        }
        node.commitTo(Math.min(request.leaderCommit(), index));
        if (buggify("raft.slow-follower")) {
            Heddle.sleep(Duration.ofMillis(Heddle.random().nextLong(1, 100)));
        }
        node.send(request.leader(), new AppendReply(log.term(), node.name, true, index));
    }

    /** The leader's side: note how far the follower matches, commit what a majority holds, send what is missing. */
    void onAppendReply(AppendReply reply) throws IOException {
        if (node.role != RaftNode.Role.LEADER || reply.term() != node.log.term()) {
            return;
        }
        String peer = reply.follower();
        if (reply.success()) {
            if (reply.matchIndex() <= matchIndex.get(peer)) {
                return; // a duplicate or a late answer: sending again on it would multiply the messages in flight
            }
            matchIndex.put(peer, reply.matchIndex());
            nextIndex.merge(peer, reply.matchIndex() + 1, Math::max);
            advanceCommit();
            if (nextIndex.get(peer) <= node.log.lastIndex()) {
                sendTo(peer);
            }
        } else {
            int before = nextIndex.get(peer);
            int next = Math.max(matchIndex.get(peer) + 1, Math.max(1, Math.min(before - 1, reply.matchIndex() + 1)));
            if (next < before) {
                nextIndex.put(peer, next);
                sendTo(peer);
            }
        }
    }

    /** Commits the last entry of the current term that enough nodes hold: a majority, this node included. */
    void advanceCommit() throws IOException {
        DurableLog log = node.log;
        int needed = node.bugs.on(PlantedBugs.Bug.EARLY_COMMIT) ? node.majority() - 1 : node.majority();
        for (int n = log.lastIndex(); n > node.commitIndex && log.termAt(n) == log.term(); n--) {
            int holders = 1;
            for (int match : matchIndex.values()) {
                if (match >= n) {
                    holders++;
                }
            }
            if (holders >= needed) {
                node.commitTo(n);
                return;
            }
        }
    }
}
