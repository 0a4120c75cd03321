package dev.heddle.net;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a message takes on a simulated link: a distribution each message draws from, from
 * the run's seed. Exactly: with probability {@code 1 - tailProbability} a latency is drawn
 * uniformly from the <em>body</em> {@code [min, max]} (in whole nanoseconds); otherwise,
 * with probability {@code tailProbability}, uniformly from the <em>tail</em>
 * {@code (max, tailMax]}, and the draw counts as a firing of the fault kind
 * {@code "net.delay.tail"}. A tail needs {@code tailMax > max}; without one
 * ({@code tailProbability} 0) {@code tailMax} equals {@code max}.
 *
 * <pre>{@code
 * SimNet.current().defaults().latency(Latency.of(ms(1), ms(3), 0.01, ms(200)));
 * // about 99% of messages take 1..5 ms, centred on 3 ms; about 1% take 5..200 ms
 * }</pre>
 *
 * Timers of the simulation run at millisecond resolution, rounded up, so a latency arrives in
 * the millisecond it ends in.
 *
 * @param min the body's lower bound, at least zero
 * @param max the body's upper bound, at least {@code min}
 * @param tailProbability the chance that a message draws from the tail, in [0, 1]
 * @param tailMax the tail's upper bound: above {@code max} when there is a tail, else {@code max}
 */
public record Latency(Duration min, Duration max, double tailProbability, Duration tailMax) {

    /** Checks the distribution: each bad value is named. */
    public Latency {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(tailMax, "tailMax");
        if (min.isNegative()) {
            throw new IllegalArgumentException("latency min " + min + " is negative: give zero or more");
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency max " + max + " is below min " + min + ": give min <= max");
        }
        if (!(tailProbability >= 0 && tailProbability <= 1)) {
            throw new IllegalArgumentException("latency tailProbability " + tailProbability
                    + " is not a probability: give a value in [0, 1]");
        }
        if (tailProbability > 0 && tailMax.compareTo(max) <= 0) {
            throw new IllegalArgumentException("latency tailMax " + tailMax + " is not above the body's max " + max
                    + ": a tail (tailProbability " + tailProbability + ") needs tailMax > max");
        }
        if (tailProbability == 0 && !tailMax.equals(max)) {
            throw new IllegalArgumentException("latency tailMax " + tailMax + " without a tail (tailProbability 0):"
                    + " give tailMax = max (" + max + ")");
        }
    }

    /** Every message takes exactly {@code latency}. */
    public static Latency fixed(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        return new Latency(latency, latency, 0, latency);
    }

    /** Each message takes a latency drawn uniformly in [{@code min}, {@code max}]. */
    public static Latency uniform(Duration min, Duration max) {
        Objects.requireNonNull(max, "max");
        return new Latency(min, max, 0, max);
    }

    /**
     * Most messages near {@code typical}: the body is [{@code min}, {@code 2 * typical - min}],
     * so {@code typical} is its mean and median; with {@code tailProbability} a message draws
     * from the tail instead, up to {@code tailMax}, which must be above the body.
     */
    public static Latency of(Duration min, Duration typical, double tailProbability, Duration tailMax) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(typical, "typical");
        if (typical.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency typical " + typical + " is below min " + min
                    + ": give min <= typical");
        }
        return new Latency(min, typical.plus(typical.minus(min)), tailProbability, tailMax);
    }

    /** Draws one latency, in nanoseconds, from {@code random} (nothing is drawn for a fixed latency). */
    public long drawNanos(RandomGenerator random) {
        if (tailProbability > 0 && random.nextDouble() < tailProbability) {
            return random.nextLong(max.toNanos() + 1, tailMax.toNanos() + 1);
        }
        long low = min.toNanos();
        long high = max.toNanos();
        return low == high ? low : random.nextLong(low, high + 1);
    }

    /** True when {@code nanos}, drawn by {@link #drawNanos}, came from the tail. */
    public boolean isTail(long nanos) {
        return nanos > max.toNanos();
    }
}
