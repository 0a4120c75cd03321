package dev.heddle.check;

import java.util.Objects;

/**
 * One operation as a client saw it: what it asked ({@code f}, {@code key}, {@code input}), what
 * it got back ({@code output}), and when, as positions on one shared axis (simulated nanoseconds,
 * real nanoseconds or a global sequence number: only their order matters).
 *
 * <p>Values are plain Java data so that histories can come from anywhere: {@code null},
 * {@link Long}, {@link String}, {@link Boolean}, or a {@link java.util.List} of those. Operations
 * whose intervals touch ({@code a.ret() == b.call()}) count as concurrent, which makes zero-length
 * operations legal.
 *
 * @param client the client (process, thread) that issued the operation
 * @param f      the operation's name, as the model knows it ({@code "read"}, {@code "cas"}, ...)
 * @param key    the object or key the operation addresses, or {@code null}
 * @param input  the argument
 * @param output the result; meaningless when the status is {@link Status#UNKNOWN}
 * @param call   position of the invocation
 * @param ret    position of the completion, {@link #NEVER_RETURNED} for unknown operations
 * @param status what the client knows of the operation's effect
 */
public record Operation(int client, String f, Object key, Object input, Object output,
                        long call, long ret, Status status) {

    /** The return position of an operation whose outcome is unknown: after everything. */
    public static final long NEVER_RETURNED = Long.MAX_VALUE;

    public Operation {
        Objects.requireNonNull(f, "f (the operation name)");
        Objects.requireNonNull(status, "status");
        key = Values.normalize(key);
        input = Values.normalize(input);
        output = Values.normalize(output);
        if (status == Status.UNKNOWN) {
            ret = NEVER_RETURNED;
        } else if (ret < call) {
            throw new IllegalArgumentException("operation " + f + " of client " + client
                    + " returns at " + ret + ", before its call at " + call
                    + "; positions must not go backwards");
        }
    }

    /** An operation that completed with {@code output}. */
    public static Operation ok(int client, String f, Object key, Object input, Object output,
                               long call, long ret) {
        return new Operation(client, f, key, input, output, call, ret, Status.OK);
    }

    /** An operation whose outcome the client never learned. */
    public static Operation unknown(int client, String f, Object key, Object input, long call) {
        return new Operation(client, f, key, input, null, call, NEVER_RETURNED, Status.UNKNOWN);
    }

    /** This operation with another output and status, used by models that reinterpret failures. */
    public Operation withOutcome(Object newOutput, Status newStatus) {
        return new Operation(client, f, key, input, newOutput, call, ret, newStatus);
    }

    /** The interval as text, {@code [3, 7]} or {@code [3, never]}. */
    public String interval() {
        return "[" + call + ", " + (ret == NEVER_RETURNED ? "never" : Long.toString(ret)) + "]";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("client ").append(client).append(' ').append(f);
        if (key != null) {
            text.append(' ').append(Values.show(key));
        }
        if (input != null) {
            text.append(' ').append(Values.show(input));
        }
        switch (status) {
            case OK -> text.append(" -> ").append(Values.show(output));
            case FAILED -> text.append(" failed");
            case UNKNOWN -> text.append(" -> ?");
        }
        return text.append(' ').append(interval()).toString();
    }
}
