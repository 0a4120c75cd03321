package dev.heddle.net.redis;

/**
 * A command refused by the server: sent to the client as an error reply, with Redis' own text
 * (such as {@code ERR value is not an integer or out of range}), after which the connection
 * goes on serving.
 */
final class CommandError extends Exception {
    CommandError(String reply) {
        super(reply, null, false, false);
    }
}
