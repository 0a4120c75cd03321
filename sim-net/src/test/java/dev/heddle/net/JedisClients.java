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
     * {@code timeout}. Two settings of the pool differ from Jedis' defaults: its idle-connection
     * evictor is off, because commons-pool runs it on a timer thread of its own, outside any
     * simulation; and it registers no JMX bean, which would be one per client for the JVM's life.
     */
    static RedisClient pooled(String host, int port, Duration timeout) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        pool.setJmxEnabled(false);
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
