package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.redis.RedisServer;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * Jedis, unmodified, against {@link RedisServer} on the real runtimes over loopback: the server
 * answers what Jedis sends as Redis does. {@link JedisInSimulationTest} runs the same client
 * against the same server between simulated hosts.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JedisOnLoopbackTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void jedisConnectsAndItsCommandsGetRedisReplies(RuntimeBuilder builder) {
        long served = withServer(builder, port -> {
            try (RedisClient client = JedisClients.pooled("127.0.0.1", port, TIMEOUT)) {
                assertEquals("PONG", client.ping());
                assertEquals("OK", client.set("greeting", "hello"));
                assertEquals("hello", client.get("greeting"));
                assertNull(client.get("absent"));
                assertNull(client.set("greeting", "again", SetParams.setParams().nx()), "NX on a present key");
                assertNull(client.set("absent", "x", SetParams.setParams().xx()), "XX on an absent key");
                assertEquals("OK", client.set("greeting", "hi", SetParams.setParams().xx().ex(3600)));
                assertEquals("hi", client.get("greeting"), "an hour's expiry has not passed");
                assertEquals(1, client.incr("visits"));
                assertEquals(2, client.incr("visits"));
                assertEquals(2, client.exists("greeting", "visits", "absent"));
                assertEquals(2, client.del("greeting", "visits", "absent"));
                assertFalse(client.exists("greeting"));
            }
        });
        assertEquals(1, served, "the pool kept one connection for every command");
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void refusedCommandsGetRedisErrorsAndTheConnectionGoesOn(RuntimeBuilder builder) {
        withServer(builder, port -> {
            try (RedisClient client = JedisClients.pooled("127.0.0.1", port, TIMEOUT)) {
                client.set("word", "seven");
                assertEquals("ERR value is not an integer or out of range",
                        assertThrows(JedisDataException.class, () -> client.incr("word")).getMessage());
                client.set("max", Long.toString(Long.MAX_VALUE));
                assertEquals("ERR increment or decrement would overflow",
                        assertThrows(JedisDataException.class, () -> client.incr("max")).getMessage());
                assertEquals("ERR invalid expire time in 'set' command", assertThrows(JedisDataException.class,
                        () -> client.set("k", "v", SetParams.setParams().px(0))).getMessage());
                JedisDataException unknown = assertThrows(JedisDataException.class,
                        () -> client.sendCommand(Protocol.Command.LPUSH, "list", "item"));
                assertEquals("ERR unknown command 'LPUSH', with args beginning with: 'list' 'item' ",
                        unknown.getMessage());
                assertEquals("seven", client.get("word"));
            }
        });
    }

    /** The classic one-connection {@link Jedis}, whose database choice adds a SELECT to the connect sequence. */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void theClassicJedisConnectsAndChoosesTheOnlyDatabase(RuntimeBuilder builder) {
        withServer(builder, port -> {
            HostAndPort address = new HostAndPort("127.0.0.1", port);
            try (Jedis jedis = new Jedis(address, DefaultJedisClientConfig.builder().database(0).build())) {
                assertEquals("OK", jedis.set("k", "v"));
                assertEquals("v", jedis.get("k"));
                assertEquals("OK", jedis.select(0));
                JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.select(1));
                assertEquals("ERR DB index is out of range", e.getMessage());
                assertTrue(jedis.isConnected());
            }
            JedisDataException e = assertThrows(JedisDataException.class,
                    () -> new Jedis(address, DefaultJedisClientConfig.builder().database(3).build()).ping());
            assertEquals("ERR DB index is out of range", e.getMessage(), "a SELECT 3 on connect");
        });
    }

    /** Runs {@code client} against a fresh server on a loopback port; returns the connections it served. */
    private static long withServer(RuntimeBuilder builder, Client client) {
        try (HeddleRuntime rt = builder.build()) {
            return rt.blockOn(() -> {
                TcpListener listener = TcpListener.bind("127.0.0.1:0");
                JoinHandle<Long> server = RedisServer.serve(listener);
                client.run(listener.localAddress().getPort());
                listener.close();
                return server.join();
            });
        }
    }

    private interface Client {
        void run(int port) throws Exception;
    }
}
