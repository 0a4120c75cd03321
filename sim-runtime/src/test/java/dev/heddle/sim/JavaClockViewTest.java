package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.heddle.runtime.Heddle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Code that takes an injected java.time.Clock reads virtual time, on the host it runs on. */
class JavaClockViewTest {
    private static final Instant EPOCH = Instant.parse("2030-05-01T00:00:00Z");

    @Test
    void aJavaClockReadsVirtualTimeAndMovesWithSleeps() {
        Simulation.ofSeed(1).epoch(EPOCH).run(sim -> {
            Clock clock = Heddle.clock().asJavaClock();
            InstantSource source = clock;
            assertEquals(EPOCH, clock.instant());
            assertEquals(ZoneOffset.UTC, clock.getZone());
            Heddle.sleep(Duration.ofHours(1));
            assertEquals(EPOCH.plus(Duration.ofHours(1)), source.instant());
            assertEquals(EPOCH.plus(Duration.ofHours(1)).toEpochMilli(), clock.millis());
            assertEquals(LocalDateTime.of(2030, 5, 1, 1, 0), LocalDateTime.now(clock));
            Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
            assertEquals(clock.instant(), paris.instant());
            assertEquals(LocalDateTime.of(2030, 5, 1, 3, 0), LocalDateTime.now(paris));
            assertNotEquals(clock, paris);
            assertEquals(clock, Heddle.clock().asJavaClock());
        });
    }

    @Test
    void aJavaClockReadsTheClockOfTheHostThatUsesIt() {
        Simulation.ofSeed(1).epoch(EPOCH).run(sim -> {
            Clock shared = Heddle.clock().asJavaClock();
            Host ahead = sim.host("ahead", new HostClock(Duration.ofSeconds(5), 0), self -> {
                assertEquals(EPOCH.plusSeconds(5), shared.instant());
            });
            ahead.mainTask().join();
            assertEquals(EPOCH, shared.instant());
        });
    }
}
