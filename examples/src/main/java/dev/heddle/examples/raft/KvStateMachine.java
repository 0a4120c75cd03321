package dev.heddle.examples.raft;

import java.util.HashMap;
import java.util.Map;

/**
 * The key-value store every node builds by applying the committed log in order, from index 1
 * after each restart. Keys start as {@code ""}.
 *
 * <p>A client retries a request it got no answer for, so the log may hold one request several
 * times: the first copy may have been committed and only its answer lost. The state machine
 * keeps, per client, the last request it applied and its result (Raft's client sessions,
 * section 6.3 of Ongaro's thesis), and answers a later copy with that result without applying
 * it again. Clients send one request at a time, so one session entry per client is enough, and a
 * copy of an older request than the last one is a retry the client no longer waits for.
 */
final class KvStateMachine {
    private final Map<String, String> values = new HashMap<>();
    private final Map<Integer, Session> sessions = new HashMap<>();
    private final PlantedBugs bugs;
    private final RaftObserver observer;

    /** A client's last applied request and what it returned. */
    private record Session(long request, String result) {}

    KvStateMachine(PlantedBugs bugs, RaftObserver observer) {
        this.bugs = bugs;
        this.observer = observer;
    }

    /**
     * Applies {@code command} and returns its result: the value for a get, {@code "true"} or
     * {@code "false"} for a cas, {@code ""} for a put or an append; null for a no-op and for a
     * copy of a request older than its client's last.
     */
    String apply(Command command) {
        if (command.kind() == Command.Kind.NOOP) {
            return null;
        }
        Session session = sessions.get(command.client());
        if (session != null && !bugs.on(PlantedBugs.Bug.DOUBLE_APPLY)) {
            if (command.request() == session.request()) {
                observer.deduplicated(command);
                return session.result();
            }
            if (command.request() < session.request()) {
                return null;
            }
        }
        String result = execute(command);
        sessions.put(command.client(), new Session(command.request(), result));
        return result;
    }

    /** The value of {@code key} now, as a stale read serves it ({@link PlantedBugs.Bug#STALE_READ}). */
    String read(String key) {
        return values.getOrDefault(key, "");
    }

    private String execute(Command c) {
        String current = values.getOrDefault(c.key(), "");
        return switch (c.kind()) {
            case GET -> current;
            case PUT -> {
                values.put(c.key(), c.value());
                yield "";
            }
            case APPEND -> {
                values.put(c.key(), current + c.value());
                yield "";
            }
            case CAS -> {
                boolean swap = current.equals(c.expected());
                if (swap) {
                    values.put(c.key(), c.value());
                }
                yield Boolean.toString(swap);
            }
            case NOOP -> throw new IllegalStateException("a no-op has no effect to execute");
        };
    }
}
