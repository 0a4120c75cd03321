package dev.heddle.sim.instrument;

import dev.heddle.runtime.Heddle;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Stand-ins for the JDK's reads of real time and of unseeded randomness, which Heddle's agent
 * puts in place of the originals in the classes it instruments (never in the JDK's). Not for
 * users: call the JDK, and let the agent rewrite the call.
 *
 * <p>Called from a simulated task, time is the virtual clock of the task's host
 * ({@link Heddle#clock()}: {@code nanoTime} is its {@code now()}, counted from the run's start;
 * wall-clock time is the simulation's epoch plus that), and randomness is drawn from the run's
 * seeded user stream ({@link Heddle#random()}), so a seed replays both. Anywhere else each one
 * is the JDK call, except that {@code new Random()} (and {@code new SplittableRandom()}) gets
 * its seed from a fresh {@code Random} rather than the JDK's private seed mixer: as
 * unpredictable, not bit for bit the same.
 *
 * <p>{@code ThreadLocalRandom} is final and {@code current()} must return one, so the agent
 * keeps {@code current()} and rewrites the {@code next...} calls made on a
 * {@code ThreadLocalRandom} instead ({@code ThreadLocalRandom.current().nextInt(10)}); a
 * {@code ThreadLocalRandom} passed on as a {@code Random} or {@code RandomGenerator} and used
 * through that type still draws real randomness.
 *
 * <p>A {@code Random} made once per JVM (in a static field) is seeded by the run that first
 * loads its class, and later runs go on with its sequence, as with any state kept from one run
 * to the next: make it per run (in the code under test's objects) for runs that replay.
 */
public final class TimeAndRandomCalls {
    private TimeAndRandomCalls() {}

    private static boolean simulated() {
        return SimulatedJdkCalls.ofCurrentThread() != null;
    }

    /** The seeded stream of the calling task's simulation, or null outside every simulation. */
    private static RandomGenerator seeded() {
        return simulated() ? Heddle.random() : null;
    }

    /** {@code System.currentTimeMillis()}. */
    public static long currentTimeMillis() {
        return simulated() ? Heddle.clock().instant().toEpochMilli() : System.currentTimeMillis();
    }

    /** {@code System.nanoTime()}. */
    public static long nanoTime() {
        return simulated() ? Heddle.now() : System.nanoTime();
    }

    /** {@code Instant.now()}. */
    public static Instant instantNow() {
        return simulated() ? Heddle.clock().instant() : Instant.now();
    }

    /** {@code LocalDateTime.now()}: in the JVM's default zone, as the JDK's. */
    public static LocalDateTime localDateTimeNow() {
        return simulated() ? LocalDateTime.now(systemDefaultZone()) : LocalDateTime.now();
    }

    /** {@code LocalDate.now()}. */
    public static LocalDate localDateNow() {
        return simulated() ? LocalDate.now(systemDefaultZone()) : LocalDate.now();
    }

    /** {@code LocalTime.now()}. */
    public static LocalTime localTimeNow() {
        return simulated() ? LocalTime.now(systemDefaultZone()) : LocalTime.now();
    }

    /** {@code ZonedDateTime.now()}. */
    public static ZonedDateTime zonedDateTimeNow() {
        return simulated() ? ZonedDateTime.now(systemDefaultZone()) : ZonedDateTime.now();
    }

    /** {@code OffsetDateTime.now()}. */
    public static OffsetDateTime offsetDateTimeNow() {
        return simulated() ? OffsetDateTime.now(systemDefaultZone()) : OffsetDateTime.now();
    }

    /** {@code Clock.systemUTC()}. */
    public static Clock systemUTC() {
        return simulated() ? Heddle.clock().asJavaClock() : Clock.systemUTC();
    }

    /** {@code Clock.systemDefaultZone()}. */
    public static Clock systemDefaultZone() {
        return simulated() ? Heddle.clock().asJavaClock().withZone(ZoneId.systemDefault()) : Clock.systemDefaultZone();
    }

    /**
     * The seed the agent passes to {@code new Random(seed)} in place of {@code new Random()}, and
     * to {@code new SplittableRandom(seed)} in place of {@code new SplittableRandom()}.
     */
    public static long randomSeed() {
        RandomGenerator seeded = seeded();
        return seeded != null ? seeded.nextLong() : new Random().nextLong();
    }

    /** {@code Math.random()}. */
    public static double mathRandom() {
        RandomGenerator seeded = seeded();
        return seeded != null ? seeded.nextDouble() : Math.random();
    }

    /** {@code UUID.randomUUID()}: in simulation a version 4 UUID of seeded bits. */
    public static UUID randomUUID() {
        RandomGenerator seeded = seeded();
        if (seeded == null) {
            return UUID.randomUUID();
        }
        long most = (seeded.nextLong() & ~0xF000L) | 0x4000L;
        long least = (seeded.nextLong() & ~(0xC0L << 56)) | (0x80L << 56);
        return new UUID(most, least);
    }

    /** The generator a {@code ThreadLocalRandom} call draws from: the run's stream, or {@code random} itself. */
    private static RandomGenerator of(ThreadLocalRandom random) {
        RandomGenerator seeded = seeded();
        return seeded != null ? seeded : random;
    }

    /** {@code random.nextInt()} on a {@code ThreadLocalRandom}. */
    public static int nextInt(ThreadLocalRandom random) {
        return of(random).nextInt();
    }

    /** {@code random.nextInt(bound)} on a {@code ThreadLocalRandom}. */
    public static int nextInt(ThreadLocalRandom random, int bound) {
        return of(random).nextInt(bound);
    }

    /** {@code random.nextInt(origin, bound)} on a {@code ThreadLocalRandom}. */
    public static int nextInt(ThreadLocalRandom random, int origin, int bound) {
        return of(random).nextInt(origin, bound);
    }

    /** {@code random.nextLong()} on a {@code ThreadLocalRandom}. */
    public static long nextLong(ThreadLocalRandom random) {
        return of(random).nextLong();
    }

    /** {@code random.nextLong(bound)} on a {@code ThreadLocalRandom}. */
    public static long nextLong(ThreadLocalRandom random, long bound) {
        return of(random).nextLong(bound);
    }

    /** {@code random.nextLong(origin, bound)} on a {@code ThreadLocalRandom}. */
    public static long nextLong(ThreadLocalRandom random, long origin, long bound) {
        return of(random).nextLong(origin, bound);
    }

    /** {@code random.nextDouble()} on a {@code ThreadLocalRandom}. */
    public static double nextDouble(ThreadLocalRandom random) {
        return of(random).nextDouble();
    }

    /** {@code random.nextDouble(bound)} on a {@code ThreadLocalRandom}. */
    public static double nextDouble(ThreadLocalRandom random, double bound) {
        return of(random).nextDouble(bound);
    }

    /** {@code random.nextDouble(origin, bound)} on a {@code ThreadLocalRandom}. */
    public static double nextDouble(ThreadLocalRandom random, double origin, double bound) {
        return of(random).nextDouble(origin, bound);
    }

    /** {@code random.nextBoolean()} on a {@code ThreadLocalRandom}. */
    public static boolean nextBoolean(ThreadLocalRandom random) {
        return of(random).nextBoolean();
    }

    /** {@code random.nextFloat()} on a {@code ThreadLocalRandom}. */
    public static float nextFloat(ThreadLocalRandom random) {
        return of(random).nextFloat();
    }

    /** {@code random.nextGaussian()} on a {@code ThreadLocalRandom}. */
    public static double nextGaussian(ThreadLocalRandom random) {
        return of(random).nextGaussian();
    }
}
