package dev.heddle.bench.bugs;

import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Strategy;
import dev.heddle.sim.instrument.SchedulingPoints;
import dev.heddle.sim.internal.PctHorizon;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One way of running a program's seeds in {@code ./heddle bench bugs-small}: a name, the
 * {@link Feature}s it offers, and how it builds the simulation of each seed.
 *
 * @param name   the configuration's name in the benchmark's output, lower case with dashes
 * @param offers the features its runs have; a program needing one it lacks is reported as "needs" it
 * @param sweeps how it runs one program's seeds: a new {@link Sweep} per program
 */
public record Configuration(String name, Set<Feature> offers, Sweeps sweeps) {
    /** The horizon PCT spreads its change points over when none is set: {@link Simulation}'s default. */
    public static final long DEFAULT_PCT_HORIZON = 1_000;

    public Configuration {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a configuration's name is lower case words joined by dashes, was '"
                    + name + "'");
        }
        EnumSet<Feature> ordered = EnumSet.noneOf(Feature.class);
        ordered.addAll(offers);
        offers = Collections.unmodifiableSet(ordered);
        Objects.requireNonNull(sweeps, "sweeps");
    }

    /**
     * One program's sweep under a configuration: the simulation of each seed, and what each
     * passing run took. A configuration makes one per program ({@link Sweeps}), so that it may
     * learn from that sweep's runs, as a PCT horizon estimated from the steps of the runs so far
     * does.
     */
    @FunctionalInterface
    public interface Sweep {
        /** The simulation of {@code seed}. */
        Simulation simulation(long seed);

        /**
         * Told after {@code simulation} passed with {@code result}, before the next seed's
         * simulation is asked for; the sweep ends at the first failing run. Most configurations
         * learn nothing from it.
         */
        default void passed(Simulation simulation, SimulationResult result) {}
    }

    /** Starts the sweeps of a configuration. */
    @FunctionalInterface
    public interface Sweeps {
        /** A new sweep, for a program one passing run of which takes {@code measuredSteps} steps. */
        Sweep start(long measuredSteps);
    }

    /**
     * The configurations the benchmark compares, RANDOM first (the baseline of its headline) and
     * FIFO last (the floor: a bug FIFO finds needs no exploration). A new strategy or feature is
     * one more line here.
     */
    public static List<Configuration> benchmarked() {
        return all().stream().filter(c -> !c.offers().contains(Feature.AGENT) || agentLoaded()).toList();
    }

    /**
     * Whether this JVM runs with Heddle's agent instrumenting the corpus: {@code ./heddle bench
     * bugs-small} starts it so; a JVM without it (a unit test) leaves the agent's configurations
     * out rather than fail their runs.
     */
    public static boolean agentLoaded() {
        String packages = SchedulingPoints.instrumentedPackages();
        return packages != null && List.of(packages.split(",")).contains(Configuration.class.getPackageName());
    }

    private static List<Configuration> all() {
        return List.of(
                new Configuration("random", Set.of(), steps -> Simulation::ofSeed),
                // Depth 1 draws no change point, so the horizon cannot matter.
                pct(1, false),
                pct(2, false),
                pct(2, true),
                pct(3, false),
                pct(3, true),
                estimated("pct2-adaptive", Set.of(), s -> s.strategy(Strategy.PCT).pctDepth(2)),
                estimated("pct3-adaptive", Set.of(), s -> s.strategy(Strategy.PCT).pctDepth(3)),
                // The portfolio wakes waits spuriously in half its seeds.
                estimated("portfolio", Set.of(Feature.SPURIOUS_WAKE_UPS), s -> s.strategy(Strategy.PORTFOLIO)),
                new Configuration("agent", Set.of(Feature.AGENT),
                        steps -> seed -> Simulation.ofSeed(seed).schedulingPoints(true)),
                estimated("agent-pct3-adaptive", Set.of(Feature.AGENT),
                        s -> s.schedulingPoints(true).strategy(Strategy.PCT).pctDepth(3)),
                estimated("agent-portfolio", Set.of(Feature.AGENT, Feature.SPURIOUS_WAKE_UPS),
                        s -> s.schedulingPoints(true).strategy(Strategy.PORTFOLIO)),
                new Configuration("fifo", Set.of(), steps -> seed -> Simulation.ofSeed(seed).strategy(Strategy.FIFO)));
    }

    /**
     * PCT at {@code depth}, over the default horizon of {@value #DEFAULT_PCT_HORIZON} steps or,
     * when {@code measuredHorizon}, over the program's measured steps: the horizon an estimate
     * from the sweep's own runs would give.
     */
    static Configuration pct(int depth, boolean measuredHorizon) {
        String name = "pct" + depth + (depth == 1 ? "" : measuredHorizon ? "-measured" : "-h" + DEFAULT_PCT_HORIZON);
        return new Configuration(name, Set.of(), steps -> seed -> Simulation.ofSeed(seed).strategy(Strategy.PCT)
                .pctDepth(depth).pctHorizon(measuredHorizon ? steps : DEFAULT_PCT_HORIZON));
    }

    /**
     * A configuration whose PCT horizon is estimated from the sweep's own passing runs, as
     * {@code @SimTest} estimates it ({@link PctHorizon}): {@code settings} applied to each seed's
     * simulation, then the horizon for the next run.
     */
    static Configuration estimated(String name, Set<Feature> offers, UnaryOperator<Simulation> settings) {
        return new Configuration(name, offers, steps -> {
            PctHorizon horizon = PctHorizon.estimated();
            return new Sweep() {
                @Override
                public Simulation simulation(long seed) {
                    return settings.apply(Simulation.ofSeed(seed)).pctHorizon(horizon.forNextRun());
                }

                @Override
                public void passed(Simulation simulation, SimulationResult result) {
                    horizon.ran(simulation.configuration(), result.steps());
                }
            };
        });
    }

    /** The features of {@code program} this configuration lacks; empty when it can find the program's bug. */
    public Set<Feature> lacking(BugProgram program) {
        EnumSet<Feature> missing = EnumSet.noneOf(Feature.class);
        missing.addAll(program.needs());
        missing.removeAll(offers);
        return Collections.unmodifiableSet(missing);
    }
}
