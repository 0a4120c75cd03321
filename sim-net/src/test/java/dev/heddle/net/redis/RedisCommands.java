package dev.heddle.net.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the server does for each command of one connection, with the replies and error texts of
 * Redis 7.2 speaking RESP2: the commands a client library sends on connect ({@code HELLO},
 * {@code CLIENT SETINFO}/{@code SETNAME}, {@code SELECT}) and a few data commands ({@code PING},
 * {@code GET}, {@code SET} with {@code EX}/{@code PX}/{@code NX}/{@code XX}, {@code DEL},
 * {@code EXISTS}, {@code INCR}). Any other command gets Redis' "unknown command" error.
 *
 * <p>The server has one database and speaks RESP2 only: {@code HELLO 3} is refused with
 * {@code NOPROTO}, as a Redis with RESP3 turned off (or older than 6) refuses it, and a client
 * then falls back to RESP2.
 */
final class RedisCommands {
    private static final String VERSION = "7.2.0";

    private final Keyspace keyspace;
    private final long connectionId;

    RedisCommands(Keyspace keyspace, long connectionId) {
        this.keyspace = keyspace;
        this.connectionId = connectionId;
    }

    /**
     * Runs {@code command} (its name first) and writes its reply.
     *
     * @throws CommandError with the error reply to send instead
     */
    void execute(List<byte[]> command, RespWriter reply) throws CommandError {
        String name = text(command.getFirst()).toLowerCase(Locale.ROOT);
        List<byte[]> args = command.subList(1, command.size());
        switch (name) {
            case "ping" -> ping(args, reply);
            case "hello" -> hello(args, reply);
            case "client" -> client(args, reply);
            case "select" -> select(args, reply);
            case "get" -> reply.bulk(keyspace.get(exactly(1, name, args).getFirst()));
            case "set" -> set(args, reply);
            case "del" -> reply.integer(keyspace.delete(atLeast(1, name, args)));
            case "exists" -> reply.integer(keyspace.countExisting(atLeast(1, name, args)));
            case "incr" -> reply.integer(keyspace.increment(exactly(1, name, args).getFirst()));
            default -> throw unknownCommand(command);
        }
    }

    private void ping(List<byte[]> args, RespWriter reply) throws CommandError {
        if (args.size() > 1) {
            throw wrongArity("ping");
        }
        if (args.isEmpty()) {
            reply.simple("PONG");
        } else {
            reply.bulk(args.getFirst());
        }
    }

    /** HELLO [protover]: only protocol 2 is spoken; the reply is Redis' map of facts, flattened as RESP2 does. */
    private void hello(List<byte[]> args, RespWriter reply) throws CommandError {
        if (args.size() > 1) {
            throw new CommandError("ERR syntax error");
        }
        if (args.size() == 1) {
            long version;
            try {
                version = RedisInteger.parse(args.getFirst());
            } catch (CommandError notANumber) {
                throw new CommandError("ERR Protocol version is not an integer or out of range");
            }
            if (version != 2) {
                throw new CommandError("NOPROTO unsupported protocol version");
            }
        }
        reply.arrayHeader(14);
        reply.bulk("server");
        reply.bulk("redis");
        reply.bulk("version");
        reply.bulk(VERSION);
        reply.bulk("proto");
        reply.integer(2);
        reply.bulk("id");
        reply.integer(connectionId);
        reply.bulk("mode");
        reply.bulk("standalone");
        reply.bulk("role");
        reply.bulk("master");
        reply.bulk("modules");
        reply.arrayHeader(0);
    }

    /** CLIENT SETINFO LIB-NAME|LIB-VER value, CLIENT SETNAME name, CLIENT ID: names are accepted and not kept. */
    private void client(List<byte[]> args, RespWriter reply) throws CommandError {
        if (args.isEmpty()) {
            throw wrongArity("client");
        }
        String subcommand = text(args.getFirst()).toLowerCase(Locale.ROOT);
        switch (subcommand) {
            case "setinfo" -> {
                exactly(3, "client|setinfo", args);
                String attribute = text(args.get(1)).toLowerCase(Locale.ROOT);
                if (!attribute.equals("lib-name") && !attribute.equals("lib-ver")) {
                    throw new CommandError("ERR Unrecognized option '" + text(args.get(1)) + "'");
                }
                reply.simple("OK");
            }
            case "setname" -> {
                exactly(2, "client|setname", args);
                reply.simple("OK");
            }
            case "id" -> {
                exactly(1, "client|id", args);
                reply.integer(connectionId);
            }
            default -> throw new CommandError("ERR unknown subcommand '" + text(args.getFirst())
                    + "'. Try CLIENT HELP.");
        }
    }

    private void select(List<byte[]> args, RespWriter reply) throws CommandError {
        long index = RedisInteger.parse(exactly(1, "select", args).getFirst());
        if (index != 0) {
            throw new CommandError("ERR DB index is out of range");
        }
        reply.simple("OK");
    }

    /** SET key value [NX|XX] [EX seconds|PX milliseconds]. */
    private void set(List<byte[]> args, RespWriter reply) throws CommandError {
        atLeast(2, "set", args);
        boolean onlyIfAbsent = false;
        boolean onlyIfPresent = false;
        long ttlNanos = 0;
        for (int i = 2; i < args.size(); i++) {
            String option = text(args.get(i)).toLowerCase(Locale.ROOT);
            boolean hasValue = i + 1 < args.size();
            switch (option) {
                case "nx" -> onlyIfAbsent = true;
                case "xx" -> onlyIfPresent = true;
                case "ex", "px" -> {
                    if (!hasValue || ttlNanos != 0) {
                        throw new CommandError("ERR syntax error");
                    }
                    ttlNanos = expiry(RedisInteger.parse(args.get(++i)),
                            option.equals("ex") ? TimeUnit.SECONDS : TimeUnit.MILLISECONDS);
                }
                default -> throw new CommandError("ERR syntax error");
            }
        }
        if (onlyIfAbsent && onlyIfPresent) {
            throw new CommandError("ERR syntax error");
        }
        if (keyspace.set(args.get(0), args.get(1), ttlNanos, onlyIfAbsent, onlyIfPresent)) {
            reply.simple("OK");
        } else {
            reply.bulk((byte[]) null);
        }
    }

    private static long expiry(long amount, TimeUnit unit) throws CommandError {
        long nanos = unit.toNanos(amount);
        if (amount <= 0 || nanos == Long.MAX_VALUE) {
            throw new CommandError("ERR invalid expire time in 'set' command");
        }
        return nanos;
    }

    private static List<byte[]> exactly(int count, String command, List<byte[]> args) throws CommandError {
        if (args.size() != count) {
            throw wrongArity(command);
        }
        return args;
    }

    private static List<byte[]> atLeast(int count, String command, List<byte[]> args) throws CommandError {
        if (args.size() < count) {
            throw wrongArity(command);
        }
        return args;
    }

    private static CommandError wrongArity(String command) {
        return new CommandError("ERR wrong number of arguments for '" + command + "' command");
    }

    private static CommandError unknownCommand(List<byte[]> command) {
        StringBuilder message = new StringBuilder("ERR unknown command '").append(text(command.getFirst()))
                .append("', with args beginning with: ");
        for (byte[] arg : command.subList(1, command.size())) {
            message.append('\'').append(text(arg)).append("' ");
        }
        return new CommandError(message.toString());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
