package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.Ledger;
import dev.heddle.agent.test.Readings;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.HostClock;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads of real time and unseeded randomness in instrumented user code ({@link Ledger},
 * {@link Readings}), rewritten by the agent: virtual time and the seed's randomness in a
 * simulation, the JDK's outside. Runs in the JVM started with
 * {@code -javaagent:sim-agent.jar=dev.heddle.agent.test}.
 */
class TimeAndRandomAgentIT {
    /** An epoch far from today, so that a real clock read in a simulation cannot pass for a virtual one. */
    private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    private static Simulation simulation(long seed) {
        return Simulation.ofSeed(seed).epoch(EPOCH);
    }

    @Test
    void aLedgerStampedWithInstantNowAndRetriedWithNewRandomJitterIsDeterministicAndVirtual() {
        Set<Instant> stamps = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            simulation(seed).checkDeterminism(sim -> {
                Ledger ledger = new Ledger(3);
                Instant stamp = ledger.append("opened");
                long now = Heddle.now();
                assertEquals(EPOCH.plusNanos(now), stamp);
                assertTrue(now >= Duration.ofMillis(300).toNanos() && now < Duration.ofSeconds(3).toNanos(),
                        "three retries of 100 to 999 ms each, not " + now + " ns");
                assertEquals(List.of(stamp + " opened"), ledger.records());
                stamps.add(stamp);
            });
        }
        assertTrue(stamps.size() > 5, "the seeds' jitters differ: " + stamps);
    }

    @Test
    void nanoTimeAndWallClockReadsAdvanceWithVirtualTime() {
        simulation(7).run(sim -> {
            long start = Readings.nanoTime();
            assertEquals(Heddle.now(), start);
            Heddle.sleep(Duration.ofHours(1));
            assertEquals(Duration.ofHours(1).toNanos(), Readings.nanoTime() - start);
            Instant now = EPOCH.plusNanos(Heddle.now());
            assertEquals(now.toEpochMilli(), Readings.currentTimeMillis());
            assertEquals(now, Readings.instantNow());
            assertEquals(now, Readings.utcClock());
            assertEquals(now, Readings.defaultZoneClock());
            assertEquals(LocalDateTime.ofInstant(now, ZoneId.systemDefault()), Readings.localDateTimeNow());
            assertEquals(LocalDate.ofInstant(now, ZoneId.systemDefault()), Readings.localDateNow());
            assertEquals(now.atZone(ZoneId.systemDefault()), Readings.zonedDateTimeNow());
        });
    }

    @Test
    void onASimulatedHostTheReadsAreTheHostsClock() {
        Duration ahead = Duration.ofMinutes(5);
        simulation(11).run(sim -> {
            Host host = sim.host("db1", new HostClock(ahead, 0), self -> {
                Heddle.sleep(Duration.ofSeconds(1));
                assertEquals(Heddle.clock().instant(), Readings.instantNow());
                assertEquals(Heddle.now(), Readings.nanoTime());
                Instant read = Readings.instantNow();
                assertTrue(!read.isBefore(EPOCH.plus(ahead).plusSeconds(1)), "the host's clock is ahead: " + read);
            });
            host.mainTask().join();
            assertTrue(Readings.instantNow().isBefore(EPOCH.plus(ahead)), "outside every host, true virtual time");
        });
    }

    /** What {@link Readings} draws in one run of {@code seed}. */
    private static List<Object> draws(long seed) {
        List<Object> draws = new ArrayList<>();
        simulation(seed).run(sim -> {
            UUID uuid = Readings.uuid();
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            draws.add(uuid);
            draws.add(Readings.mathRandom());
            draws.add(Readings.threadLocalInt(1 << 30));
            draws.add(Readings.unseededRandomLong());
            draws.add(Readings.unseededSplittableLong());
        });
        return draws;
    }

    @Test
    void uuidsAndRandomnessAreTheSeedsSameSeedSameDrawsOtherSeedOtherDraws() {
        List<Object> first = draws(1);
        assertEquals(first, draws(1));
        List<Object> other = draws(2);
        for (int i = 0; i < first.size(); i++) {
            assertNotEquals(first.get(i), other.get(i), "draw " + i);
        }
    }

    @Test
    void outsideASimulationTheStandInsReadTheMachine() {
        Instant before = Instant.now();
        long nanosBefore = System.nanoTime();
        Instant read = Readings.instantNow();
        long nanos = Readings.nanoTime();
        long millis = Readings.currentTimeMillis();
        Instant after = Instant.now();
        assertTrue(!read.isBefore(before) && !read.isAfter(after), read + " in " + before + ".." + after);
        assertTrue(nanos >= nanosBefore && nanos <= System.nanoTime());
        assertTrue(millis >= before.toEpochMilli() && millis <= after.toEpochMilli());
        assertNotEquals(Readings.uuid(), Readings.uuid());
        assertNotEquals(Readings.unseededRandomLong(), Readings.unseededRandomLong());
        assertNotEquals(Readings.unseededSplittableLong(), Readings.unseededSplittableLong());
    }

    @Test
    void theJdksOwnReadsOfTheClockAreUntouched() {
        simulation(3).run(sim -> {
            // Year.now() is not rewritten: it reads Clock.systemDefaultZone() inside the JDK.
            assertEquals(Year.now(), Readings.yearNow());
            assertNotEquals(Year.from(EPOCH.atZone(ZoneId.systemDefault())), Readings.yearNow());
            // This test class is not instrumented: its own reads are the machine's.
            assertTrue(Instant.now().isAfter(EPOCH.plus(Duration.ofDays(365))));
        });
    }
}
