package dev.heddle.junit.fuzz;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.RunConfiguration;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;

/**
 * One {@link SimTest} method the fuzz runner runs, as the JUnit Platform discovered it.
 *
 * @param uniqueId the JUnit Platform's id of the method, by which a fork selects it
 * @param name     {@code com.example.CounterTest#method}, as reports name it
 * @param settings the method's annotation, for the strategy a seed runs when its fork cannot say
 */
record FuzzTarget(String uniqueId, String name, SimTest settings) {

    /**
     * The strategy {@code seed} runs, from the annotation and {@code --strategy}, for a seed whose
     * fork crashed or hung before it could say. {@code PctHorizon} is left out: a label names the
     * strategy and depth, which the seed alone decides.
     */
    String strategyOf(long seed, Strategy override) {
        Simulation simulation = Simulation.ofSeed(seed).strategy(override != null ? override : settings.strategy())
                .pctDepth(settings.pctDepth()).spuriousWakeups(settings.spuriousWakeups());
        if (settings.workers() > 0) {
            simulation.workers(settings.workers());
        }
        return label(simulation.configuration());
    }

    /** {@code RANDOM}, {@code PCT depth 2}, {@code FIFO}, each with {@code + spurious wake-ups} when on. */
    static String label(RunConfiguration run) {
        String strategy = run.strategy() == Strategy.PCT ? "PCT depth " + run.pctDepth() : run.strategy().name();
        return strategy + (run.spuriousWakeups() ? " + spurious wake-ups" : "");
    }
}
