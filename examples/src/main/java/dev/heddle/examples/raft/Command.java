package dev.heddle.examples.raft;

import java.util.Objects;

/**
 * One client request as the log carries it. The pair ({@code client}, {@code request}) names
 * the request: a retry sends the same pair again, and the state machine applies each pair once,
 * however many times it reaches the log.
 *
 * @param kind what to do
 * @param client the client's id
 * @param request the client's request number, growing with each new request (not each retry)
 * @param key the key, null for {@link Kind#NOOP}
 * @param value the value a put or cas writes, or the suffix an append adds; null for get
 * @param expected what a cas compares the current value with; null for the other kinds
 */
public record Command(Kind kind, int client, long request, String key, String value, String expected) {

    /** The operations of the store, and the leader's no-op. */
    public enum Kind {
        /**
         * The entry a new leader appends at once: a leader commits only entries of its own term,
         * so without it the entries it inherited would wait for the next client write.
         */
        NOOP,
        GET,
        PUT,
        APPEND,
        CAS
    }

    public Command {
        Objects.requireNonNull(kind, "kind");
    }

    /** The no-op a leader appends when elected. */
    static Command noop() {
        return new Command(Kind.NOOP, -1, 0, null, null, null);
    }
}
