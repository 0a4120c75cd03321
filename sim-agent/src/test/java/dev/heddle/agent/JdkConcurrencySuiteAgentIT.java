package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.internal.PctHorizon;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK concurrency suite ({@code dev.heddle.agent.test.jdk}, {@link SuiteProgram#all()}) run
 * unmodified in simulation, {@link SuiteSweep#SEEDS} seeds per program: every buggy program fails
 * within them, only ever as its bug's kind, and each failing seed fails alike when run again; no
 * correct program fails on any seed. Runs in the JVM started with the agent, which instruments the
 * programs; prints a table of what each sweep found.
 */
class JdkConcurrencySuiteAgentIT {
    /** A program's whole sweep takes a few seconds at most; one that takes this long has a run that never ends. */
    private static final int SWEEP_TIMEOUT_SECONDS = 60;
    /** Seeds whose two runs are compared event by event: each portfolio strategy, with and without spurious wakes. */
    private static final int DETERMINISM_SEEDS = 8;
    private static final Map<String, SuiteSweep.Outcome> OUTCOMES = new ConcurrentHashMap<>();
    /** The run each program's sweep began last: where a sweep that timed out stopped. */
    private static final Map<String, String> LAST_RUN = new ConcurrentHashMap<>();

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    static Stream<SuiteProgram> buggy() {
        return SuiteProgram.all().stream().filter(p -> p.bug().isPresent());
    }

    static Stream<SuiteProgram> correct() {
        return SuiteProgram.all().stream().filter(p -> p.bug().isEmpty());
    }

    private static SuiteSweep.Outcome sweep(SuiteProgram program) {
        SuiteSweep.Outcome outcome = SuiteSweep.sweep(program, run -> LAST_RUN.put(program.name(), run));
        OUTCOMES.put(program.name(), outcome);
        return outcome;
    }

    /** A run that never ends (a simulator that loops) fails its program's test; the sweep's thread is left to it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("buggy")
    @Timeout(value = SWEEP_TIMEOUT_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theBugIsFoundAsItsKindAndEachFailingSeedFailsAlikeAgain(SuiteProgram program) {
        SuiteSweep.Outcome outcome = sweep(program);
        FailureKind expected = program.bug().orElseThrow();
        assertTrue(!outcome.failures().isEmpty(), program.name() + "'s bug was not found in " + SuiteSweep.SEEDS
                + " seeds");
        List<SuiteSweep.Failure> otherKinds = outcome.failures().stream().filter(f -> f.kind() != expected).toList();
        assertTrue(otherKinds.isEmpty(), () -> program.name() + " failed on " + otherKinds.size() + " seeds as"
                + " other than its bug (" + expected + "): " + outcome.kinds() + "; the first, seed "
                + otherKinds.getFirst().seed() + ":\n    " + otherKinds.getFirst().report());
        List<SuiteSweep.Failure> differ = outcome.failures().stream().filter(f -> !f.replayedAlike()).toList();
        assertTrue(differ.isEmpty(), () -> program.name() + "'s failing seeds " + differ.stream()
                .map(SuiteSweep.Failure::seed).toList() + " did not fail alike (same kind and trace hash) when run"
                + " again");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    @Timeout(value = SWEEP_TIMEOUT_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theCorrectProgramPassesEverySeed(SuiteProgram program) {
        SuiteSweep.Outcome outcome = sweep(program);
        assertTrue(outcome.failures().isEmpty(), () -> program.name() + " failed on " + outcome.failures().size()
                + " of " + SuiteSweep.SEEDS + " seeds (" + outcome.kinds() + "); the first, seed "
                + outcome.failures().getFirst().seed() + ":\n    " + outcome.failures().getFirst().report());
    }

    /** Two runs of each of the first seeds, passing or failing, compared event by event (PCT over 16 steps). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void eachProgramRunsAlikeTwiceEventByEvent(SuiteProgram program) {
        for (long seed = 0; seed < DETERMINISM_SEEDS; seed++) {
            try {
                SuiteSweep.simulation(seed, PctHorizon.FIRST_ESTIMATE)
                        .checkDeterminism(sim -> program.program().get().run());
            } catch (SimulationFailure f) {
                assertTrue(f.kind() != FailureKind.NONDETERMINISM, f.getMessage());
                assertTrue(program.bug().isPresent(), program.name() + " failed at seed " + seed + ": "
                        + f.getMessage());
            }
        }
    }

    static Stream<SuiteProgram> all() {
        return SuiteProgram.all().stream();
    }

    @Test
    void theSuiteHasAtLeastThirtyProgramsHalfOfThemBuggy() {
        List<SuiteProgram> all = SuiteProgram.all();
        long buggy = all.stream().filter(p -> p.bug().isPresent()).count();
        assertTrue(all.size() >= 30, "only " + all.size() + " programs");
        assertEquals(all.size() - buggy, buggy, "as many correct programs as buggy ones");
        assertEquals(all.size(), all.stream().map(SuiteProgram::name).distinct().count(), "distinct names");
    }

    /** One line per program swept, in the suite's order: what was expected, what was found, in how many seeds. */
    @AfterAll
    static void printTheTable() {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        long total = 0;
        StringBuilder table = new StringBuilder("JDK concurrency suite, " + SuiteSweep.SEEDS + " seeds per program:\n");
        for (SuiteProgram p : SuiteProgram.all()) {
            SuiteSweep.Outcome o = OUTCOMES.get(p.name());
            if (o == null) {
                table.append(String.format("  %-28s %-12s %s%n", p.name(), p.bug().map(FailureKind::name)
                        .orElse("correct"), "NO OUTCOME: the sweep did not end, last at " + LAST_RUN.get(p.name())));
                continue;
            }
            total += o.millis();
            String expected = p.bug().map(FailureKind::name).orElse("correct");
            String found;
            long differ = o.failures().stream().filter(f -> !f.replayedAlike()).count();
            String replays = differ == 0 ? "" : ", " + differ + " REPLAYED OTHERWISE";
            if (p.bug().isPresent()) {
                found = o.failures().isEmpty() ? "NOT FOUND" : "failed on " + o.failures().size() + " seeds, first "
                        + o.failures().getFirst().seed() + " (" + o.kinds() + ")" + replays;
            } else {
                found = o.failures().isEmpty() ? "passes every seed" : "FALSE ALARMS on " + o.failures().size()
                        + " seeds (" + o.kinds() + "), first " + o.failures().getFirst().seed() + replays;
            }
            table.append(String.format("  %-28s %-12s %-70s %6d ms%n", p.name(), expected, found, o.millis()));
        }
        table.append("  total ").append(total).append(" ms");
        System.out.println(table);
    }
}
