package dev.heddle.net;

import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * The Jedis client the Redis tests use: Jedis' own {@link RedisClient} (a pool of connections,
 * which replaces a broken connection by a new one on the next command), configured as a user
 * would, with the same code over loopback and in a simulation.
 */
final class JedisClients {
    private JedisClients() {}

    /**
     * A client of the Redis server at {@code host:port} whose connects and reads give up after
     * {@code timeout}. One setting differs from Jedis' defaults: the pool's idle-connection
     * evictor is off. commons-pool runs it every 30 seconds of real time on a platform timer
     * thread of its own ("commons-pool-evictor"), outside any simulation, so it would test idle
     * connections from outside the run at moments no seed decides. (A short run passes with it
     * on, as it never fires in time; a long one would not replay.)
     */
    static RedisClient pooled(String host, int port, Duration timeout) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(host, port))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(Math.toIntExact(timeout.toMillis()))
                        .socketTimeoutMillis(Math.toIntExact(timeout.toMillis()))
                        .build())
                .poolConfig(pool)
                .build();
    }
}
