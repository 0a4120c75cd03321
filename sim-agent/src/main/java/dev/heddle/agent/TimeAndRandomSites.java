package dev.heddle.agent;

import java.util.Map;
import org.objectweb.asm.Opcodes;

/**
 * The JDK calls that read real time or unseeded randomness, which instrumented classes call
 * {@code dev.heddle.sim.instrument.TimeAndRandomCalls} for instead: in a simulated task they
 * read the virtual clock and the run's seeded stream, elsewhere they are the JDK's calls.
 * {@code new Random()} (and {@code new SplittableRandom()}) keeps its {@code NEW} and becomes
 * {@code new Random(seed)}
 * ({@link #isUnseededRandom}); {@code ThreadLocalRandom.current()}, whose type is final, is kept,
 * and the {@code next...} calls on it are replaced, with the receiver first.
 */
final class TimeAndRandomSites {
    static final String CALLS = "dev/heddle/sim/instrument/TimeAndRandomCalls";
    private static final String THREAD_LOCAL_RANDOM = "java/util/concurrent/ThreadLocalRandom";
    /** {@code owner.name descriptor} of each static call replaced, to the name of its stand-in. */
    private static final Map<String, String> STATICS = Map.ofEntries(
            Map.entry("java/lang/System.currentTimeMillis()J", "currentTimeMillis"),
            Map.entry("java/lang/System.nanoTime()J", "nanoTime"),
            Map.entry("java/time/Instant.now()Ljava/time/Instant;", "instantNow"),
            Map.entry("java/time/LocalDateTime.now()Ljava/time/LocalDateTime;", "localDateTimeNow"),
            Map.entry("java/time/Clock.systemUTC()Ljava/time/Clock;", "systemUTC"),
            Map.entry("java/time/Clock.systemDefaultZone()Ljava/time/Clock;", "systemDefaultZone"),
            Map.entry("java/lang/Math.random()D", "mathRandom"),
            Map.entry("java/lang/StrictMath.random()D", "mathRandom"),
            Map.entry("java/util/UUID.randomUUID()Ljava/util/UUID;", "randomUUID"),
            Map.entry("java/time/LocalDate.now()Ljava/time/LocalDate;", "localDateNow"),
            Map.entry("java/time/LocalTime.now()Ljava/time/LocalTime;", "localTimeNow"),
            Map.entry("java/time/ZonedDateTime.now()Ljava/time/ZonedDateTime;", "zonedDateTimeNow"),
            Map.entry("java/time/OffsetDateTime.now()Ljava/time/OffsetDateTime;", "offsetDateTimeNow"));

    private TimeAndRandomSites() {}

    /** The replacement of the call {@code opcode owner.name descriptor}, or null when it is none of these. */
    static JdkCallSites.Replacement replacement(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.INVOKESTATIC) {
            String standIn = STATICS.get(owner + "." + name + descriptor);
            return standIn == null ? null : new JdkCallSites.Replacement(CALLS, standIn, descriptor);
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(THREAD_LOCAL_RANDOM) && isDraw(name, descriptor)) {
            String withReceiver = "(L" + THREAD_LOCAL_RANDOM + ";" + descriptor.substring(1);
            return new JdkCallSites.Replacement(CALLS, name, withReceiver);
        }
        return null;
    }

    /** Whether {@code ThreadLocalRandom.name descriptor} is a draw {@code TimeAndRandomCalls} stands in for. */
    private static boolean isDraw(String name, String descriptor) {
        return switch (name) {
            case "nextInt" -> descriptor.equals("()I") || descriptor.equals("(I)I") || descriptor.equals("(II)I");
            case "nextLong" -> descriptor.equals("()J") || descriptor.equals("(J)J") || descriptor.equals("(JJ)J");
            case "nextDouble" -> descriptor.equals("()D") || descriptor.equals("(D)D") || descriptor.equals("(DD)D");
            case "nextBoolean" -> descriptor.equals("()Z");
            case "nextFloat" -> descriptor.equals("()F");
            case "nextGaussian" -> descriptor.equals("()D");
            default -> false;
        };
    }

    /**
     * Whether a call is the constructor without a seed of {@code Random} (or a subclass's
     * {@code super()} of it) or of {@code SplittableRandom}: both have one that takes a {@code long}.
     */
    static boolean isUnseededRandom(int opcode, String owner, String name, String descriptor) {
        return opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && descriptor.equals("()V")
                && (owner.equals("java/util/Random") || owner.equals("java/util/SplittableRandom"));
    }
}
