package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.net.redis.RedisServer;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.SetParams;

/**
 * Jedis, a widely used Redis client, unmodified, in a simulation: its {@code java.net.Socket}s
 * (created, connected with a timeout and read with {@code setSoTimeout} inside Jedis) and its
 * {@code InetAddress} lookup of "redis" go over the simulated network, to {@link RedisServer} on
 * another simulated host. It works, times out on virtual time under a partition, and reconnects
 * after the server's host crashes and restarts, on every seed, and a seed replays exactly.
 * {@link JedisOnLoopbackTest} runs the same client against the same server over loopback.
 */
class JedisInSimulationTest {
    private static final int SEEDS = 200;
    /** The classic client's case is narrower (no pool, no crash): fewer seeds cover its latencies. */
    private static final int CLASSIC_SEEDS = 50;
    private static final int PORT = 6379;
    /** Jedis' connect and read timeout (its connectionTimeoutMillis and socketTimeoutMillis). */
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_OUTAGE = Duration.ofSeconds(2);
    private static final Duration MAX_LATENCY = Duration.ofMillis(5);
    /** Jedis' connect sequence and one command: connect, HELLO 3, HELLO 2, CLIENT SETINFO (pipelined), PING. */
    private static final int ROUND_TRIPS_TO_RECONNECT = 5;

    @Test
    void jedisWorksTimesOutUnderAPartitionAndReconnectsAfterACrashOnEverySeedAndEachSeedReplays() {
        Set<Long> traceHashes = new HashSet<>();
        Set<Long> outages = new HashSet<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            long[] outage = new long[1];
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(sim -> outage[0] = scenario(sim));
            traceHashes.add(result.traceHash());
            outages.add(outage[0]);
        }
        assertTrue(traceHashes.size() > SEEDS / 2, "seeds should lead to different runs: " + traceHashes.size());
        assertTrue(outages.size() > SEEDS / 4, "seeds should vary the outage: " + outages.size());
    }

    /**
     * The classic one-connection {@link Jedis}, without a pool: across a cut its read gives up
     * after its socket timeout of virtual time on the host's clock, its connection stays broken (Jedis
     * refuses to reuse a connection whose replies may be out of step), and a new {@code Jedis}
     * works after the repair.
     */
    @Test
    void theClassicJedisReadGivesUpAfterItsSocketTimeoutAndStaysBrokenOnEverySeed() {
        for (long seed = 1; seed <= CLASSIC_SEEDS; seed++) {
            Simulation.ofSeed(seed).checkDeterminism(sim -> {
                SimNet.current().defaults().latency(Latency.uniform(Duration.ofMillis(1), MAX_LATENCY));
                Host redis = sim.host("redis", self -> RedisServer.serve(TcpListener.bind("0.0.0.0:" + PORT)).join());
                sim.host("app", self -> {
                    JedisClientConfig config = DefaultJedisClientConfig.builder()
                            .socketTimeoutMillis(Math.toIntExact(TIMEOUT.toMillis())).build();
                    HostAndPort address = new HostAndPort("redis", PORT);
                    Jedis jedis = connected(address, config);
                    assertEquals("OK", jedis.set("greeting", "hello"));
                    SimNet.current().partition(List.of("app"), List.of("redis"));
                    long start = Heddle.now();
                    JedisConnectionException read = assertThrows(JedisConnectionException.class,
                            () -> jedis.get("greeting"));
                    assertTimedOutAfter(1, Heddle.now() - start);
                    assertInstanceOf(SocketTimeoutException.class, read.getCause(), read::toString);
                    assertTrue(jedis.getConnection().isBroken());
                    assertEquals("Attempting to write to a broken connection.",
                            assertThrows(JedisConnectionException.class, () -> jedis.get("greeting")).getMessage());
                    jedis.close();
                    SimNet.current().repairAll();
                    try (Jedis fresh = new Jedis(address, config)) {
                        assertEquals("hello", fresh.get("greeting"));
                    }
                }).mainTask().join();
                redis.crash();
            });
        }
    }

    /** A {@link Jedis} that answered a PING, made once the server listens. */
    private static Jedis connected(HostAndPort address, JedisClientConfig config) {
        while (true) {
            try {
                Jedis jedis = new Jedis(address, config);
                assertEquals("PONG", jedis.ping());
                return jedis;
            } catch (JedisConnectionException notListeningYet) {
                Heddle.sleep(RETRY_PAUSE);
            }
        }
    }

    /**
     * A Redis server on host "redis" and Jedis on host "app": commands, then a partition, then a
     * crash of "redis" restarted after a seeded outage. Returns the outage in nanoseconds.
     */
    private static long scenario(Sim sim) throws Exception {
        SimNet.current().defaults().latency(Latency.uniform(Duration.ofMillis(1), MAX_LATENCY));
        Host redis = sim.host("redis", self -> RedisServer.serve(TcpListener.bind("0.0.0.0:" + PORT)).join());
        long[] outage = new long[1];
        Host app = sim.host("app", self -> {
            try (RedisClient client = JedisClients.pooled("redis", PORT, TIMEOUT)) {
                untilConnected(client);
                commandsWork(client);
                readsTimeOutAcrossAPartition(client);
                outage[0] = reconnectsAfterACrash(client, redis);
            }
        });
        app.mainTask().join();
        redis.crash();
        return outage[0];
    }

    private static void commandsWork(RedisClient client) {
        assertEquals("OK", client.set("greeting", "hello"));
        assertEquals("hello", client.get("greeting"));
        assertEquals(1, client.incr("visits"));
        assertEquals(2, client.incr("visits"));
        assertEquals(2, client.exists("greeting", "visits", "absent"));
        assertEquals("OK", client.set("session", "s1", SetParams.setParams().px(100)));
        assertEquals(1, client.del("session"));
        assertEquals("OK", client.set("session", "s2", SetParams.setParams().ex(60)));
        Heddle.sleep(Duration.ofSeconds(59));
        assertEquals("s2", client.get("session"));
        Heddle.sleep(Duration.ofSeconds(1));
        assertNull(client.get("session"), "expired after 60 virtual seconds");
    }

    /**
     * Across a cut the request stalls, and Jedis' read gives up after its socket timeout of
     * virtual time. The pool then replaces the broken connection at once (commons-pool's
     * {@code invalidateObject} adds a new idle one), which waits a connect timeout more across
     * the cut, and Jedis keeps that failure as suppressed: the command fails after two timeouts.
     * A next command's connect times out too. After the repair a new connection is made and the
     * data is still there.
     */
    private static void readsTimeOutAcrossAPartition(RedisClient client) {
        SimNet.current().partition(List.of("app"), List.of("redis"));
        long start = Heddle.now();
        JedisConnectionException read = assertThrows(JedisConnectionException.class, () -> client.get("greeting"));
        assertInstanceOf(SocketTimeoutException.class, read.getCause(), read::toString);
        assertEquals("Read timed out", read.getCause().getMessage());
        assertTrue(failures(read).stream().anyMatch(JedisInSimulationTest::isConnectTimeout),
                () -> "the pool's replacement connect timed out: " + failures(read));
        assertTimedOutAfter(2, Heddle.now() - start);
        start = Heddle.now();
        JedisConnectionException connect = assertThrows(JedisConnectionException.class, () -> client.ping());
        assertTrue(failures(connect).stream().anyMatch(JedisInSimulationTest::isConnectTimeout),
                () -> "a connect across the cut times out: " + failures(connect));
        assertTimedOutAfter(1, Heddle.now() - start);
        SimNet.current().repairAll();
        assertEquals("hello", client.get("greeting"));
    }

    /**
     * The crash resets Jedis' connection; while "redis" is down connections are refused; Jedis
     * reconnects within one retry pause after the restart, to a server that lost its data.
     */
    private static long reconnectsAfterACrash(RedisClient client, Host redis) {
        long outage = Heddle.random().nextLong(LONGEST_OUTAGE.toNanos() + 1);
        long[] restartedAt = new long[1];
        redis.crash();
        Heddle.spawn("restart-redis", () -> {
            Heddle.sleep(Duration.ofNanos(outage));
            restartedAt[0] = Heddle.now();
            redis.restart();
        });
        JedisConnectionException reset = assertThrows(JedisConnectionException.class, () -> client.get("greeting"));
        assertTrue(failures(reset).stream().anyMatch(f -> f instanceof SocketException s
                && s.getMessage().contains("reset")), () -> "the crash reset the connection: " + failures(reset));
        int refused = untilConnected(client);
        long reconnectDelay = Heddle.now() - restartedAt[0];
        assertTrue(restartedAt[0] > 0 && reconnectDelay >= 0, "reconnected only after the restart");
        long bound = RETRY_PAUSE.plus(MAX_LATENCY.multipliedBy(2L * ROUND_TRIPS_TO_RECONNECT)).toNanos();
        assertTrue(reconnectDelay <= bound, "reconnected " + reconnectDelay + " ns after the restart");
        long attemptAtMost = RETRY_PAUSE.plus(MAX_LATENCY.multipliedBy(2)).toNanos();
        assertTrue(refused >= outage / attemptAtMost && refused <= outage / RETRY_PAUSE.toNanos() + 1,
                refused + " attempts refused in an outage of " + outage + " ns: one per retry pause and round trip");
        assertNull(client.get("greeting"), "a restarted Redis without persistence starts empty");
        assertEquals(1, client.incr("visits"));
        assertFalse(client.exists("session"));
        return outage;
    }

    private static boolean isConnectTimeout(Throwable failure) {
        return failure instanceof SocketTimeoutException && "Connect timed out".equals(failure.getMessage());
    }

    /**
     * {@code elapsed} nanoseconds of the host's clock are {@code timeouts} of Jedis' timeouts in a
     * row: each ends at its deadline on the host's clock (which drifts from the simulation's, as
     * a real host's does), or within the millisecond the simulation's timers round deadlines up to.
     */
    private static void assertTimedOutAfter(int timeouts, long elapsed) {
        long late = elapsed - timeouts * TIMEOUT.toNanos();
        assertTrue(late >= 0 && late < timeouts * Duration.ofMillis(1).toNanos(),
                "gave up after " + elapsed + " ns of the host's clock, for " + timeouts + " timeouts of " + TIMEOUT);
    }

    /**
     * Pings until the server answers, pausing between attempts, as an application waiting for
     * its Redis does; returns how many attempts were refused, and fails on any other failure.
     */
    private static int untilConnected(RedisClient client) {
        int refused = 0;
        while (true) {
            try {
                assertEquals("PONG", client.ping());
                return refused;
            } catch (JedisConnectionException notYet) {
                assertTrue(failures(notYet).stream().anyMatch(f -> f instanceof ConnectException
                        && "Connection refused".equals(f.getMessage())), () -> "refused: " + failures(notYet));
                refused++;
                Heddle.sleep(RETRY_PAUSE);
            }
        }
    }

    /** {@code failure}, its causes and what they suppressed (Jedis keeps each address' connect failure so). */
    private static List<Throwable> failures(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable next = pending.removeLast();
            if (!all.contains(next)) {
                all.add(next);
                pending.addAll(List.of(next.getSuppressed()));
                if (next.getCause() != null) {
                    pending.add(next.getCause());
                }
            }
        }
        return all;
    }
}
