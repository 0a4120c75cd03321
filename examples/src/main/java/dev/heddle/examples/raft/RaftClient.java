package dev.heddle.examples.raft;

import static dev.heddle.sim.Buggify.buggify;

import dev.heddle.examples.raft.Message.ClientReply;
import dev.heddle.examples.raft.Message.ClientRequest;
import dev.heddle.net.Datagram;
import dev.heddle.net.Net;
import dev.heddle.net.UdpSocket;
import dev.heddle.runtime.Heddle;
import dev.heddle.time.Elapsed;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the store: one request at a time, each with a new request id, sent to the node it
 * believes leads. A node that does not lead answers with the leader it knows of, and the client
 * tries that one; no answer within {@link #ATTEMPT_TIMEOUT} and it tries the next node. Every
 * attempt of a request carries the same id, so however many copies reach the log the store
 * applies it once ({@link KvStateMachine}). When no attempt succeeds before the caller's
 * deadline the client cannot tell whether the request took effect: it says so with an empty
 * result, which a history records as unknown.
 */
public final class RaftClient implements Closeable {
    /** How long one attempt waits for its answer before trying another node. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(200);
    /** The pause after a node that knows no leader answered: an election is likely under way. */
    private static final Duration NO_LEADER_BACKOFF = Duration.ofMillis(50);

    private final int id;
    private final List<String> nodes;
    private final List<InetSocketAddress> addresses = new ArrayList<>();
    private final UdpSocket socket;
    private long nextRequest = 1;
    private int leaderGuess;

    /**
     * A client with id {@code id} (unique in the cluster: the store's sessions are per id) of the
     * nodes named {@code nodes}, on a socket of its own.
     */
    public RaftClient(int id, List<String> nodes) throws IOException {
        this.id = id;
        this.nodes = List.copyOf(nodes);
        for (String node : nodes) {
            addresses.add(new InetSocketAddress(Net.resolve(node).getFirst(), RaftNode.PORT));
        }
        this.socket = UdpSocket.bind("0.0.0.0:0");
        this.leaderGuess = Heddle.random().nextInt(nodes.size());
    }

    /** The client's id. */
    public int id() {
        return id;
    }

    /**
     * Runs one operation: {@code kind} on {@code key}, with {@code value} (put, append and cas)
     * and {@code expected} (cas). Returns its result ({@link KvStateMachine#apply}), or empty when
     * no node answered before {@code giveUpAfter}: the operation may or may not have taken effect.
     */
    public Optional<String> execute(Command.Kind kind, String key, String value, String expected,
                                    Duration giveUpAfter) throws IOException {
        Command command = new Command(kind, id, nextRequest++, key, value, expected);
        byte[] request = MessageCodec.encode(new ClientRequest(command));
        long deadline = Heddle.now() + giveUpAfter.toNanos();
        while (Heddle.now() < deadline) {
            socket.send(request, addresses.get(leaderGuess));
            Duration attempt = buggify("raft.client-impatient") ? Duration.ofMillis(2) : ATTEMPT_TIMEOUT;
            ClientReply reply = awaitReply(command.request(), Math.min(deadline, Heddle.now() + attempt.toNanos()));
            if (reply == null) {
                leaderGuess = (leaderGuess + 1) % nodes.size();
            } else if (reply.ok()) {
                return Optional.of(reply.result());
            } else if (reply.leaderHint() != null && nodes.contains(reply.leaderHint())) {
                leaderGuess = nodes.indexOf(reply.leaderHint());
            } else {
                leaderGuess = (leaderGuess + 1) % nodes.size();
                Heddle.sleep(NO_LEADER_BACKOFF);
            }
        }
        return Optional.empty();
    }

    /** The answer to request {@code request}, or null at {@code deadline}; answers to earlier requests are dropped. */
    private ClientReply awaitReply(long request, long deadline) throws IOException {
        while (true) {
            long wait = deadline - Heddle.now();
            if (wait <= 0) {
                return null;
            }
            Datagram datagram;
            try {
                datagram = Heddle.clock().timeout(Duration.ofNanos(wait), socket::receive);
            } catch (Elapsed e) {
                return null;
            }
            if (MessageCodec.decode(datagram.payload()) instanceof ClientReply reply && reply.request() == request) {
                return reply;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
