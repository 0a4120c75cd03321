package dev.heddle.agent.test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads of time and randomness as user code makes them, each the JDK call written plainly, for
 * the agent to rewrite. {@link #yearNow} calls a JDK method the agent does not rewrite,
 * which reads the clock inside the JDK's own code.
 */
public final class Readings {
    private Readings() {}

    public static long nanoTime() {
        return System.nanoTime();
    }

    public static long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    public static Instant instantNow() {
        return Instant.now();
    }

    public static Instant utcClock() {
        return Clock.systemUTC().instant();
    }

    public static Instant defaultZoneClock() {
        return Clock.systemDefaultZone().instant();
    }

    public static LocalDateTime localDateTimeNow() {
        return LocalDateTime.now();
    }

    public static LocalDate localDateNow() {
        return LocalDate.now();
    }

    public static ZonedDateTime zonedDateTimeNow() {
        return ZonedDateTime.now();
    }

    /** Not rewritten: {@code Year.now()} reads {@code Clock.systemDefaultZone()} in the JDK's code. */
    public static Year yearNow() {
        return Year.now();
    }

    public static UUID uuid() {
        return UUID.randomUUID();
    }

    public static double mathRandom() {
        return Math.random();
    }

    public static int threadLocalInt(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    public static long unseededRandomLong() {
        return new java.util.Random().nextLong();
    }

    public static long unseededSplittableLong() {
        return new SplittableRandom().nextLong();
    }
}
