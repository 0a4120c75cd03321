package dev.heddle.examples.raft;

import dev.heddle.examples.raft.Message.RequestVote;
import dev.heddle.examples.raft.Message.Vote;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Leader election (section 5.2 of the Raft paper). A follower that hears from no leader for an
 * election timeout starts a new term, votes for itself and asks the others; each node votes at
 * most once per term, first come first served, and only for a candidate whose log is at least
 * as up to date as its own (section 5.4.1), so that whoever wins holds every committed entry.
 * A candidate with a majority of votes leads the term; at most one can, since two majorities
 * share a node, and that node voted once: which holds only if its vote survives a crash, hence
 * {@link DurableLog#vote} before the vote is sent.
 */
final class Election {
    private final RaftNode node;
    /** The votes this node has, as a candidate in the current term. */
    private final Set<String> votes = new HashSet<>();
    /** The peers that refused this candidate their vote in the current term. */
    private final Set<String> refused = new HashSet<>();

    Election(RaftNode node) {
        this.node = node;
    }

    /** The election timeout passed: a new term, a vote for itself, and a request to every peer. */
    void start() throws IOException {
        DurableLog log = node.log;
        log.enterTerm(log.term() + 1);
        log.vote(node.name);
        node.role = RaftNode.Role.CANDIDATE;
        node.leaderHint = null;
        votes.clear();
        refused.clear();
        votes.add(node.name);
        node.resetElectionTimer();
        RequestVote request = new RequestVote(log.term(), node.name, log.lastIndex(), log.lastTerm());
        for (String peer : node.peers) {
            node.send(peer, request);
        }
    }

    /** Asks again the peers whose votes this candidate has not received. */
    void askAgain() throws IOException {
        DurableLog log = node.log;
        RequestVote request = new RequestVote(log.term(), node.name, log.lastIndex(), log.lastTerm());
        for (String peer : node.peers) {
            if (!votes.contains(peer) && !refused.contains(peer)) {
                node.send(peer, request);
            }
        }
    }

    void onRequestVote(RequestVote request) throws IOException {
        DurableLog log = node.log;
        boolean granted = request.term() == log.term()
                && (log.votedFor() == null || log.votedFor().equals(request.candidate()))
                && upToDate(request.lastTerm(), request.lastIndex());
        if (granted) {
            if (node.bugs.on(PlantedBugs.Bug.UNPERSISTED_VOTE)) {
                log.voteInMemoryOnly(request.candidate());
            } else {
                log.vote(request.candidate());
            }
            node.resetElectionTimer();
        }
        node.send(request.candidate(), new Vote(log.term(), node.name, granted));
        if (granted) {
            node.observer.voteGranted(node, request.candidate());
        }
    }

    void onVote(Vote vote) throws IOException {
        if (node.role != RaftNode.Role.CANDIDATE || vote.term() != node.log.term()) {
            return;
        }
        if (!vote.granted()) {
            refused.add(vote.voter());
            return;
        }
        votes.add(vote.voter());
        if (votes.size() >= node.majority()) {
            node.becomeLeader();
        }
    }

    /** Whether a log ending at ({@code lastIndex}, {@code lastTerm}) is at least as up to date as this node's. */
    private boolean upToDate(long lastTerm, int lastIndex) {
        DurableLog log = node.log;
        return lastTerm > log.lastTerm() || (lastTerm == log.lastTerm() && lastIndex >= log.lastIndex());
    }
}
