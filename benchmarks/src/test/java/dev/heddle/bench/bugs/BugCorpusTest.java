package dev.heddle.bench.bugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program of the {@link BugCorpus} is a real bug: its buggy body fails within a few seeds
 * under one of the benchmark's plain configurations (those that need nothing of the JVM: no
 * agent, which a test JVM lacks), failing as its symptom says, while its fixed twin passes
 * those seeds under every plain configuration; a program that needs a feature they lack fails
 * under none of them, so that "needs" is not an excuse.
 */
class BugCorpusTest {
    /** Seeds per program and configuration; each program found today fails within this many under one of them. */
    private static final int SEEDS = 30;

    static Stream<BugProgram> programs() {
        return BugCorpus.programs().stream();
    }

    /** The benchmark's configurations that need nothing of the JVM: no agent. */
    private static List<Configuration> plainConfigurations() {
        return Configuration.benchmarked().stream().filter(c -> !c.offers().contains(Feature.AGENT)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theBuggyProgramFailsWhereTheFixedOnePasses(BugProgram program) {
        long steps = SeedSweep.measuredSteps(program);
        Finding first = null;
        for (Configuration configuration : plainConfigurations()) {
            Finding buggy = SeedSweep.firstFailure(program, program.buggy(), configuration.sweeps().start(steps),
                    SEEDS);
            if (first == null && buggy instanceof Finding.Found) {
                first = buggy;
            }
            Finding fixed = SeedSweep.firstFailure(program, program.fixed(), configuration.sweeps().start(steps),
                    SEEDS);
            assertInstanceOf(Finding.NotFound.class, fixed, program.name() + "'s fixed twin failed under "
                    + configuration.name() + ": " + fixed);
        }
        if (program.needs().isEmpty()) {
            Finding.Found found = assertInstanceOf(Finding.Found.class, first,
                    program.name() + " did not fail within " + SEEDS + " seeds under any plain configuration");
            assertEquals(program.symptom(), found.kind(), program.name() + " failed as " + found.kind() + ": "
                    + found);
        } else {
            assertEquals(null, first, program.name() + " needs " + program.needs() + " but failed without");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void aProgramNeedingAFeatureTheConfigurationLacksIsNotRun(BugProgram program) {
        Configuration none = new Configuration("none", Set.of(), steps -> seed -> {
            throw new AssertionError("a seed of " + program.name() + " was run");
        });
        if (program.needs().isEmpty()) {
            assertThrows(AssertionError.class, () -> SeedSweep.firstFailure(program, none, 1, 1));
        } else {
            assertEquals(new Finding.Needs(program.needs()), SeedSweep.firstFailure(program, none, 1, SEEDS));
            Configuration all = new Configuration("all", Set.of(Feature.values()), none.sweeps());
            assertTrue(all.lacking(program).isEmpty());
        }
    }

    @Test
    void aSweepIsToldOfEachPassingRunUntilTheFirstFailure() {
        BugProgram program = CheckThenAct.PROGRAM;
        List<Long> passed = new ArrayList<>();
        Configuration.Sweep counting = new Configuration.Sweep() {
            @Override
            public Simulation simulation(long seed) {
                return Simulation.ofSeed(seed);
            }

            @Override
            public void passed(Simulation simulation, SimulationResult result) {
                passed.add(result.seed());
            }
        };
        Finding.Found found = assertInstanceOf(Finding.Found.class,
                SeedSweep.firstFailure(program, program.buggy(), counting, SEEDS));
        assertEquals(LongStream.range(0, found.seed()).boxed().toList(), passed);
        passed.clear();
        assertEquals(new Finding.NotFound(5), SeedSweep.firstFailure(program, program.fixed(), counting, 5));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), passed);
    }

    @Test
    void theCorpusHasTwelveProgramsOfDistinctNamesAndEveryKind() {
        List<BugProgram> programs = BugCorpus.programs();
        assertEquals(12, programs.size());
        Set<String> names = new HashSet<>();
        Set<BugKind> kinds = new HashSet<>();
        for (BugProgram program : programs) {
            assertTrue(names.add(program.name()), "two programs are named " + program.name());
            kinds.add(program.kind());
        }
        assertEquals(Set.of(BugKind.values()), kinds);
    }

    @Test
    void configurationsHaveDistinctNamesRandomFirst() {
        List<Configuration> configurations = Configuration.benchmarked();
        assertEquals("random", configurations.getFirst().name());
        assertEquals(configurations.size(), configurations.stream().map(Configuration::name).distinct().count());
    }

    @Test
    void badNamesAndBoundsAreRefusedNamingTheValue() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> new Configuration("PCT 2", Set.of(), steps -> Simulation::ofSeed));
        assertTrue(name.getMessage().contains("'PCT 2'"), name.getMessage());
        BugProgram program = BugCorpus.programs().getFirst();
        IllegalArgumentException seeds = assertThrows(IllegalArgumentException.class,
                () -> SeedSweep.firstFailure(program, Configuration.benchmarked().getFirst(), 1, 0));
        assertTrue(seeds.getMessage().contains("was 0"), seeds.getMessage());
    }
}
