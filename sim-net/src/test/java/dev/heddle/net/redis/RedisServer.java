package dev.heddle.net.redis;

import dev.heddle.net.TcpListener;
import dev.heddle.net.TcpStream;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.List;

/**
 * A minimal Redis server written with Heddle's own network API, for testing Redis client
 * libraries unmodified: over real loopback on a real runtime, and between simulated hosts in a
 * simulation, where its expiries run on virtual time and a crash of its host loses its data, as
 * a Redis without persistence does. {@link RedisCommands} lists what it understands.
 *
 * <pre>{@code
 * sim.host("redis", self -> RedisServer.serve(TcpListener.bind("0.0.0.0:6379")).join());
 * }</pre>
 *
 * One task accepts; one task per connection reads commands and answers them in order, sending
 * the replies to a pipelined batch together. A client that breaks the protocol gets Redis' error
 * and is disconnected.
 */
public final class RedisServer {
    private final Keyspace keyspace = new Keyspace();
    private long connectionsAccepted;

    private RedisServer() {}

    /**
     * Serves {@code listener}, starting with no keys, until the listener is closed; the handle's
     * value is the number of connections served.
     */
    public static JoinHandle<Long> serve(TcpListener listener) {
        RedisServer server = new RedisServer();
        return Heddle.spawn("redis-server", () -> server.acceptUntilClosed(listener));
    }

    private long acceptUntilClosed(TcpListener listener) throws IOException {
        try (listener) {
            while (true) {
                TcpStream connection = listener.accept();
                long id = ++connectionsAccepted;
                Heddle.spawn("redis-connection-" + id, () -> session(connection, new RedisCommands(keyspace, id)));
            }
        } catch (ClosedChannelException listenerClosed) {
            return connectionsAccepted;
        }
    }

    private static Void session(TcpStream connection, RedisCommands commands) throws IOException {
        try (connection) {
            RespReader reader = new RespReader(connection);
            RespWriter writer = new RespWriter(connection.outputStream());
            try {
                List<byte[]> command;
                while ((command = reader.readCommand()) != null) {
                    try {
                        commands.execute(command, writer);
                    } catch (CommandError refused) {
                        writer.error(refused.getMessage());
                    }
                    if (!reader.hasBufferedInput()) {
                        writer.flush();
                    }
                }
            } catch (ProtocolException malformed) {
                writer.error("ERR " + malformed.getMessage());
                writer.flush();
            }
        } catch (SocketException | EOFException clientGone) {
            // The client reset the connection (Jedis closes with SO_LINGER 0, which resets) or ended it
            // inside a command: the session ends, as Redis ends it.
        }
        return null;
    }
}
