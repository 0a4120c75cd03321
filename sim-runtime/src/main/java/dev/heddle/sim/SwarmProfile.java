package dev.heddle.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The fault kinds one seed of a swarm-mode run turns on, and how hard each one hits (swarm
 * testing: Groce et al., ISSTA 2012; TigerBeetle's VOPR). Every run with every fault on at
 * fixed rates explores a narrow band of behaviours: a fault can mask another (a link that
 * drops everything never reorders), and the rare state that needs few faults and one of them
 * often is a state such runs seldom reach. So in swarm mode each seed leaves about half the
 * kinds out and draws a rate of its own for each one it keeps; a sweep of seeds then covers
 * many mixes instead of one.
 *
 * <p>Modules ask it lazily: the first ask for a kind decides, from the seed and the kind's
 * name alone, whether the kind is on in this seed (probability {@link #P_ON}) and its rate;
 * later asks return the same. The same seed in swarm mode gives the same profile, so the seed
 * alone replays a failure. A run's profile is {@link SimContext#swarm()}, in its
 * {@link SimulationResult#swarm()} and in the message of its {@link SimulationFailure}.
 * Touched only from the simulation's carrier (tasks and timers, one at a time).
 */
public final class SwarmProfile {
    /** The probability that a seed turns a fault kind on. */
    public static final double P_ON = 0.5;

    private final Function<String, RandomGenerator> streams;
    private final Trace trace;
    /** Kind to its choice, in the order first asked. */
    private final Map<String, Choice> choices = new LinkedHashMap<>();

    /**
     * One kind's choice in this seed.
     *
     * @param fraction the share of the largest rate drawn, in (0, 1]
     * @param firstMax the largest rate of the first {@link #rate} ask, to print; 0 when only {@link #on} asked
     */
    private record Choice(boolean on, double fraction, double firstMax) {}

    SwarmProfile(Function<String, RandomGenerator> streams, Trace trace) {
        this.streams = streams;
        this.trace = trace;
    }

    /** Whether fault {@code kind} ({@code "net.drop"}, say) is on in this seed. */
    public boolean on(String kind) {
        return choice(kind, 0).on();
    }

    /**
     * The rate of fault {@code kind} in this seed: 0 when the seed leaves the kind out, else a
     * seeded value in (0, {@code max}]. Asks with another {@code max} scale the same draw.
     *
     * @throws IllegalArgumentException if {@code max} is not a positive finite number
     */
    public double rate(String kind, double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("the largest rate of fault kind '" + kind + "' must be positive"
                    + " and finite, was " + max);
        }
        Choice c = choice(kind, max);
        return c.on() ? c.fraction() * max : 0;
    }

    /** The kinds asked so far, in the order first asked, each {@code on} or not. */
    public Map<String, Boolean> kinds() {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        choices.forEach((kind, c) -> kinds.put(kind, c.on()));
        return kinds;
    }

    private Choice choice(String kind, double max) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("fault kind \"" + kind + "\" is blank: name the kind, as \"net.drop\"");
        }
        Choice c = choices.get(kind);
        if (c == null) {
            RandomGenerator stream = streams.apply(kind);
            boolean on = stream.nextDouble() < P_ON;
            double fraction = 1 - stream.nextDouble();
            c = new Choice(on, fraction, max);
            choices.put(kind, c);
            trace.record(Trace.Event.SWARM, kind.hashCode(), on ? Double.doubleToLongBits(fraction) : 0);
        } else if (c.firstMax() == 0 && max > 0) {
            c = new Choice(c.on(), c.fraction(), max);
            choices.put(kind, c);
        }
        return c;
    }

    /** The profile as failure messages print it: every kind asked, off, on, or on with its rate. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("swarm[");
        choices.forEach((kind, c) -> {
            if (sb.length() > "swarm[".length()) {
                sb.append(", ");
            }
            sb.append(kind).append('=');
            if (!c.on()) {
                sb.append("off");
            } else if (c.firstMax() == 0) {
                sb.append("on");
            } else {
                sb.append(String.format(Locale.ROOT, "%.3g", c.fraction() * c.firstMax()));
            }
        });
        return sb.append(']').toString();
    }

    /** {@code profile}'s text and a space, or nothing outside swarm mode: what failure messages put after the seed. */
    static String label(Optional<SwarmProfile> profile) {
        return profile.map(p -> p + " ").orElse("");
    }
}
