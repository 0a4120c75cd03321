package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link RunConfiguration}: every setting of a {@link Simulation} is in it, and comes back
 * unchanged through its printed Java line and through {@link RunConfiguration#simulation()}.
 */
class RunConfigurationTest {

    /** Every setting away from its default, under PCT. */
    private static Simulation everySettingChanged(long seed) {
        return Simulation.ofSeed(seed)
                .strategy(Strategy.PCT)
                .pctDepth(2)
                .pctHorizon(57)
                .maxSteps(3_000_000_000L)
                .maxTime(Duration.ofNanos(1_234_567))
                .stuckAfter(Duration.ofMillis(1_500))
                .maxBlockingThreads(3)
                .failOnLeakedTasks(true)
                .onLockHeldAcrossSuspension(LockHeldPolicy.WARN)
                .epoch(Instant.parse("2030-05-06T07:08:09.123Z"))
                .clockSkew(Duration.ofMillis(250), 12.5)
                .swarm(true)
                .buggify(0.5)
                .schedulingPoints(true)
                .spuriousWakeups(true);
    }

    @Test
    void everySettingComesBackFromThePrintedJavaLineAndFromSimulation() {
        List<Simulation> simulations = List.of(everySettingChanged(-5),
                everySettingChanged(0x2a).strategy(Strategy.RANDOM).workers(3),
                Simulation.ofSeed(7).buggify(0.8).clockSkew(Duration.ZERO, 0)
                        .maxTime(Duration.ofSeconds(5_000_000_000L)),
                Simulation.ofSeed(6).strategy(Strategy.PORTFOLIO));
        for (Simulation s : simulations) {
            RunConfiguration c = s.configuration();
            assertEquals(c, JavaRerunLine.parse(c.rerunInJava()).configuration(), c.rerunInJava());
            assertEquals(c, c.simulation().configuration());
        }
    }

    @Test
    void theJavaLineNamesWhatDiffersFromTheDefaultsAndUnderPctItsDepthAndHorizon() {
        assertEquals("Simulation.ofSeed(0x2aL).run(...)", Simulation.ofSeed(0x2a).configuration().rerunInJava());
        assertEquals("Simulation.ofSeed(0x4L).strategy(Strategy.PCT).pctDepth(3).pctHorizon(1000).run(...)",
                Simulation.ofSeed(4).strategy(Strategy.PCT).configuration().rerunInJava());
        assertEquals("Simulation.ofSeed(0xfffffffffffffffbL).strategy(Strategy.PCT).pctDepth(2).pctHorizon(57)"
                + ".maxSteps(3000000000L).maxTime(Duration.ofNanos(1234567)).stuckAfter(Duration.ofMillis(1500))"
                + ".maxBlockingThreads(3).failOnLeakedTasks(true).onLockHeldAcrossSuspension(LockHeldPolicy.WARN)"
                + ".epoch(Instant.parse(\"2030-05-06T07:08:09.123Z\")).clockSkew(Duration.ofMillis(250), 12.5)"
                + ".swarm(true).buggify(0.5).spuriousWakeups(true).schedulingPoints(true).run(...)", everySettingChanged(-5).configuration().rerunInJava());
        assertEquals("Simulation.ofSeed(0x1L).pctHorizon(9).run(...)",
                Simulation.ofSeed(1).pctHorizon(9).configuration().rerunInJava());
    }

    /**
     * A setting added to {@link Simulation} must be added to {@link RunConfiguration} too (and
     * so to its Java line): else a failure under it prints a line that does not replay it.
     */
    @Test
    void everyFieldOfSimulationIsAComponentOfTheConfiguration() {
        Set<String> fields = Arrays.stream(Simulation.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        // How a failure prints its rerun line, whether buggify was set (buggify's OptionalDouble) and where the run
        // writes its trace are no settings: none changes what the run does.
        fields.removeAll(Set.of("rerunCommand", "buggifySet", "traceFile", "failureTraceFile"));
        Set<String> components = Arrays.stream(RunConfiguration.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fields, components);
    }

    /** Every setting changed that a run in this JVM can take: scheduling points need the agent, not loaded here. */
    private static Simulation running(long seed) {
        return everySettingChanged(seed).failOnLeakedTasks(false).schedulingPoints(false);
    }

    @Test
    void aFailureCarriesItsConfiguration() {
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> running(3).run(sim -> {
                    throw new AssertionError("planted");
                }));
        assertEquals(running(3).configuration(), f.configuration());
        assertTrue(f.getMessage().endsWith("\nrerun: " + f.configuration().rerunInJava()), f.getMessage());
    }
}
