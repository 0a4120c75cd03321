package dev.heddle.junit;

import dev.heddle.sim.RunConfiguration;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;
import dev.heddle.sim.internal.PctHorizon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The strategy, PCT depth, PCT horizon and spurious wake-ups of a {@link SimTest} sweep: the
 * annotation's, each overridden by its system property ({@code heddle.strategy},
 * {@code heddle.pctDepth}, {@code heddle.pctHorizon}, {@code heddle.spuriousWakeups}); the horizon estimated from the sweep's runs ({@link PctHorizon})
 * unless one of the two sets it. A failure's rerun command adds the properties that make a run
 * of its seed alone the same run: the strategy the seed ran when {@code heddle.strategy} chose
 * it, and under PCT the depth and the horizon when the annotation does not give them. A
 * {@link Strategy#PORTFOLIO} seed that ran PCT names PCT too, so that the command says which
 * run failed; one that ran RANDOM needs and names nothing, and its command reads as a RANDOM
 * test's.
 */
final class StrategySettings {
    static final String STRATEGY_PROPERTY = "heddle.strategy";
    static final String DEPTH_PROPERTY = "heddle.pctDepth";
    static final String HORIZON_PROPERTY = "heddle.pctHorizon";
    static final String SPURIOUS_PROPERTY = "heddle.spuriousWakeups";

    private final SimTest annotation;
    private final Strategy strategy;
    private final int pctDepth;
    private final PctHorizon horizon;
    private final boolean spuriousWakeups;

    private StrategySettings(SimTest annotation, Strategy strategy, int pctDepth, PctHorizon horizon,
            boolean spuriousWakeups) {
        this.annotation = annotation;
        this.strategy = strategy;
        this.pctDepth = pctDepth;
        this.horizon = horizon;
        this.spuriousWakeups = spuriousWakeups;
    }

    /** The settings of a sweep of the test annotated with {@code annotation}, checked before any seed runs. */
    static StrategySettings of(SimTest annotation) {
        return of(annotation, System::getProperty);
    }

    /**
     * The settings of the test annotated with {@code annotation} where {@code property} gives the
     * properties' values ({@code heddle.strategy} to its value, null when unset): a saved
     * {@link RegressionSeeds regression seed} runs under its own, not the sweep's.
     */
    static StrategySettings of(SimTest annotation, UnaryOperator<String> properties) {
        UnaryOperator<String> property = name -> {
            String value = properties.apply(name);
            return value == null || value.isBlank() ? null : value.strip();
        };
        Strategy strategy = annotation.strategy();
        String name = property.apply(STRATEGY_PROPERTY);
        if (name != null) {
            try {
                strategy = Strategy.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String names = Arrays.stream(Strategy.values()).map(Strategy::name).collect(Collectors.joining(", "));
                throw new IllegalArgumentException(STRATEGY_PROPERTY + " must be one of " + names + ", was '"
                        + name + "'", e);
            }
        }
        String depth = property.apply(DEPTH_PROPERTY);
        int pctDepth = depth == null ? annotation.pctDepth() : (int) number(DEPTH_PROPERTY, depth, Integer.MAX_VALUE);
        String steps = property.apply(HORIZON_PROPERTY);
        long set = steps == null ? annotation.pctHorizon() : number(HORIZON_PROPERTY, steps, Long.MAX_VALUE);
        String spurious = property.apply(SPURIOUS_PROPERTY);
        boolean spuriousWakeups = annotation.spuriousWakeups();
        if (spurious != null) {
            if (!spurious.equals("true") && !spurious.equals("false")) {
                throw new IllegalArgumentException(SPURIOUS_PROPERTY + " must be true or false, was '" + spurious + "'");
            }
            spuriousWakeups = Boolean.parseBoolean(spurious);
        }
        PctHorizon horizon = steps == null && set < 0 ? PctHorizon.estimated() : PctHorizon.fixed(set);
        return new StrategySettings(annotation, strategy, pctDepth, horizon, spuriousWakeups);
    }

    /** Sets the strategy, depth, spurious wake-ups and the horizon of the next run on {@code simulation}. */
    Simulation apply(Simulation simulation) {
        return simulation.strategy(strategy).pctDepth(pctDepth).pctHorizon(horizon.forNextRun())
                .spuriousWakeups(spuriousWakeups);
    }

    /** The sweep's horizon, to tell each run's steps to. */
    PctHorizon horizon() {
        return horizon;
    }

    /** The horizon the sweep's PCT runs used, for its summary; empty when {@link #reportsHorizon()} is false. */
    String horizonSummary() {
        return reportsHorizon() ? horizon.summary() : "";
    }

    /** What the runs' steps say is wrong with the horizon; none when {@link #reportsHorizon()} is false. */
    List<String> horizonWarnings() {
        return reportsHorizon() ? horizon.warnings() : List.of();
    }

    /**
     * Whether the sweep reports its horizon: when the test chose PCT or set the horizon, not for a
     * portfolio left to estimate it, so that a suite of tests on the default settings does not log
     * a line per test about a choice it never made (its failures still carry the horizon).
     */
    private boolean reportsHorizon() {
        return strategy == Strategy.PCT || !horizon.isEstimated();
    }

    /**
     * The {@code -D} options that, added to a rerun of {@code run}'s seed alone, make it {@code run}:
     * empty when the annotation gives all of it.
     */
    List<String> rerunProperties(RunConfiguration run) {
        List<String> properties = new ArrayList<>();
        boolean strategyNamed = strategy != annotation.strategy()
                || (strategy == Strategy.PORTFOLIO && run.strategy() != Strategy.RANDOM);
        if (strategyNamed) {
            properties.add("-D" + STRATEGY_PROPERTY + "=" + run.strategy());
            if (run.spuriousWakeups() && !annotation.spuriousWakeups()) {
                // The portfolio turned them on for this seed; a run under the strategy named would not.
                properties.add("-D" + SPURIOUS_PROPERTY + "=true");
            }
        }
        if (run.strategy() == Strategy.PCT) {
            if (run.pctDepth() != annotation.pctDepth()) {
                properties.add("-D" + DEPTH_PROPERTY + "=" + run.pctDepth());
            }
            if (run.pctHorizon() != annotation.pctHorizon()) {
                properties.add("-D" + HORIZON_PROPERTY + "=" + run.pctHorizon());
            }
        }
        return properties;
    }


    /** {@code value} of {@code property}, a whole number up to {@code max}. */
    private static long number(String property, String value, long max) {
        try {
            long n = Long.parseLong(value);
            if (n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below, with the value
        }
        throw new IllegalArgumentException(property + " must be a whole number, was '" + value + "'");
    }
}
