package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shrinking the racy counter with 20 tasks: the lost update needs one task to read, another to
 * run in between, and the first to write over it, so a log of a few scheduling decisions
 * suffices where the recorded run made dozens; the shrunk log, written and read back, replays
 * to the same failure.
 */
class DecisionLogShrinkerTest {
    private static final int TASKS = 20;
    /** The shrunk log holds at most this many decisions: one task set aside mid-update, and the way back to it. */
    private static final int BOUND = 4;

    @TempDir
    Path folder;

    static final SimBody RACY_COUNTER = sim -> {
        long[] counter = {0};
        List<JoinHandle<Void>> handles = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            handles.add(sim.spawn(() -> {
                long read = counter[0];
                Heddle.yieldNow();
                counter[0] = read + 1;
            }));
        }
        handles.forEach(JoinHandle::join);
        if (counter[0] != TASKS) {
            throw new AssertionError("counted " + counter[0] + " of " + TASKS + " increments");
        }
    };

    @Test
    void theRacyCounterWith20TasksShrinksToAFewDecisionsThatFailTheSameWay() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(RACY_COUNTER));
        DecisionLog log = f.decisionLog().orElseThrow();
        assertTrue(log.size() > 10 * BOUND, log.toString());

        ShrinkResult r = DecisionLogShrinker.shrink(log.simulation(), RACY_COUNTER, log, 300);
        System.out.println(r.summary());
        assertTrue(r.reproduced(), r.summary());
        assertFalse(r.stoppedAtBound(), r.summary());
        assertTrue(r.shrunk().size() <= BOUND, r.summary());
        assertTrue(r.shrunk().contextSwitches() < log.contextSwitches(), r.summary());
        assertTrue(r.shrunk().contextSwitches() >= 1, "a lost update needs a task set aside: " + r.summary());
        assertEquals(FailureSignature.of(f), r.signature().orElseThrow());
        assertTrue(r.summary().contains("decisions " + log.size() + " -> " + r.shrunk().size()), r.summary());

        Path file = folder.resolve("racy.shrunk.decisions");
        r.shrunk().write(file);
        DecisionLog read = DecisionLog.read(file);
        assertFalse(read.fallsBackToSeed(), "a shrunk log's missing decisions are the simplest ones");
        SimulationFailure again = assertThrows(SimulationFailure.class,
                () -> read.simulation().replay(read, RACY_COUNTER));
        assertEquals(FailureSignature.of(f), FailureSignature.of(again));
    }

    @Test
    void shrinkingIsDeterministic() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(RACY_COUNTER));
        DecisionLog log = f.decisionLog().orElseThrow();
        ShrinkResult a = DecisionLogShrinker.shrink(log.simulation(), RACY_COUNTER, log, 12);
        ShrinkResult b = DecisionLogShrinker.shrink(log.simulation(), RACY_COUNTER, log, 12);
        assertTrue(a.shrunk().sameDecisions(b.shrunk()));
        assertEquals(a.replays(), b.replays());
        assertTrue(a.replays() <= 12, a.summary());
    }

    @Test
    void aLogThatPassesWhenReplayedIsNotShrunkAndSaysWhy() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(RACY_COUNTER));
        DecisionLog log = f.decisionLog().orElseThrow();
        ShrinkResult r = DecisionLogShrinker.shrink(log.simulation(), sim -> { }, log, 10);
        assertFalse(r.reproduced());
        assertEquals(1, r.replays());
        assertTrue(r.summary().contains("did not fail when replayed"), r.summary());
    }
}
