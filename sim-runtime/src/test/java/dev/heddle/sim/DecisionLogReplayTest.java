package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed run's decision log replays it exactly, and still reproduces the failure after the
 * test body changed in a way that shifts the seed's streams: an extra draw of user randomness,
 * or an extra task spawned first.
 */
class DecisionLogReplayTest {
    private static final int TASKS = 8;

    @TempDir
    Path folder;

    /**
     * The code under test: each task reads, sleeps a random 0 to 2 ms, and writes back: a lost
     * update. Returns the values written, in the order written, which tell one interleaving from another.
     */
    static List<Long> racyIncrements(Sim sim, int tasks) {
        long[] counter = {0};
        List<Long> writes = new ArrayList<>();
        List<JoinHandle<Void>> handles = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            handles.add(sim.spawn(() -> {
                long read = counter[0];
                Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(3)));
                counter[0] = read + 1;
                writes.add(counter[0]);
            }));
        }
        handles.forEach(JoinHandle::join);
        return writes;
    }

    /** The test body, before and after a change: {@code extraDraw} draws once more, {@code extraTask} spawns once more. */
    static SimBody body(boolean extraDraw, boolean extraTask) {
        return sim -> {
            if (extraDraw) {
                sim.random().nextLong();
            }
            if (extraTask) {
                sim.spawn(Heddle::yieldNow);
            }
            List<Long> writes = racyIncrements(sim, TASKS);
            if (writes.getLast() != TASKS) {
                throw new AssertionError("counted " + writes.getLast() + " of " + TASKS + " increments, writing "
                        + writes + " at " + sim.now() + " ns");
            }
        };
    }

    private static SimulationFailure firstFailure(SimBody body) {
        for (long seed = 0; seed < 50; seed++) {
            try {
                Simulation.ofSeed(seed).run(body);
            } catch (SimulationFailure f) {
                return f;
            }
        }
        throw new AssertionError("no seed of 50 lost an update");
    }

    private static SimulationFailure failureOf(Runnable run) {
        return assertThrows(SimulationFailure.class, run::run);
    }

    @Test
    void aReplayOfTheLogIsTheRecordedRunEventForEventAndReadsBackFromItsFile() {
        SimulationFailure f = firstFailure(body(false, false));
        DecisionLog log = f.decisionLog().orElseThrow();
        assertTrue(log.size() > TASKS, log.toString());
        assertEquals(f.steps(), log.steps());
        Path file = folder.resolve("racy.decisions");
        log.write(file);
        DecisionLog read = DecisionLog.read(file);
        assertTrue(read.sameDecisions(log), "the file holds every decision");
        assertEquals(log.contextSwitches(), read.contextSwitches());

        SimulationFailure again = failureOf(() -> read.simulation().replay(read, body(false, false)));
        assertEquals(f.getMessage().lines().findFirst(), again.getMessage().lines().findFirst());
        assertEquals(f.traceHash(), again.traceHash(), "the same run, event for event");
        assertTrue(again.decisionLog().orElseThrow().sameDecisions(log), "and the same decisions");
    }

    @Test
    void anExtraDrawOfUserRandomnessShiftsTheSeedButTheLogStillReproducesTheFailure() {
        SimulationFailure f = firstFailure(body(false, false));
        DecisionLog log = f.decisionLog().orElseThrow();
        SimBody changed = body(true, false);

        String bySeed = outcome(() -> Simulation.ofSeed(f.seed()).run(changed));
        assertNotEquals(f.getMessage().lines().findFirst().orElseThrow(), bySeed,
                "the seed alone runs otherwise after the change");

        DecisionReplay replay = new DecisionReplay(log);
        SimulationFailure again = failureOf(() -> log.simulation().execute(changed, new Trace(f.seed(), false),
                replay));
        assertEquals(FailureSignature.of(f), FailureSignature.of(again));
        assertEquals(f.getMessage().lines().findFirst(), again.getMessage().lines().findFirst(),
                "the same count is lost");
        assertEquals(1, replay.fellBack(), "the new draw, and only it, came from the seed");
        assertEquals(0, replay.skipped());
    }

    @Test
    void anExtraTaskSpawnedFirstShiftsEveryIdButTheLogStillNamesTheSameTasks() {
        SimulationFailure f = firstFailure(body(false, false));
        DecisionLog log = f.decisionLog().orElseThrow();
        SimBody changed = body(false, true);

        String bySeed = outcome(() -> Simulation.ofSeed(f.seed()).run(changed));
        assertNotEquals(f.getMessage().lines().findFirst().orElseThrow(), bySeed,
                "the seed alone runs otherwise after the change");

        SimulationFailure again = failureOf(() -> log.simulation().replay(log, changed));
        assertEquals(FailureSignature.of(f), FailureSignature.of(again));
        assertEquals(f.getMessage().lines().findFirst().orElseThrow().replace("main#1", ""),
                again.getMessage().lines().findFirst().orElseThrow().replace("main#1", ""));
        assertNotNull(again.decisionLog().orElseThrow());
    }

    @Test
    void aLogOfAnotherSeedIsRefusedNamingBoth() {
        SimulationFailure f = firstFailure(body(false, false));
        DecisionLog log = f.decisionLog().orElseThrow();
        long other = log.seed() + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulation.ofSeed(other).replay(log, body(false, false)));
        assertTrue(e.getMessage().contains(Simulation.hex(log.seed())) && e.getMessage().contains(Simulation.hex(other)),
                e.getMessage());
    }

    /** A replay that fails writes the trace files a run would: the one of every event, or the one of a failure. */
    @Test
    void aFailedReplayWritesItsTraceFilesAsARunDoes() throws Exception {
        SimulationFailure f = firstFailure(body(false, false));
        DecisionLog log = f.decisionLog().orElseThrow();
        Path ofFailure = folder.resolve("failure.trace.jsonl");
        SimulationFailure again = failureOf(() -> log.simulation().recordTraceOfFailure(ofFailure)
                .replay(log, body(false, false)));
        assertEquals(ofFailure.toAbsolutePath(), again.traceFile().orElseThrow());
        String written = Files.readString(ofFailure);
        assertTrue(written.contains("\"outcome\":\"failed\",\"failure\":\"TASK_FAILED\""), written);
        assertTrue(written.contains("\"hash\":\"" + Long.toHexString(f.traceHash()) + "\""),
                "the replay that wrote the trace ran as the recorded run did:\n" + written);

        Path everyEvent = folder.resolve("every.trace.jsonl");
        SimulationFailure recorded = failureOf(() -> log.simulation().recordTrace(everyEvent)
                .replay(log, body(false, false)));
        assertEquals(everyEvent.toAbsolutePath(), recorded.traceFile().orElseThrow());
        assertTrue(Files.readString(everyEvent).contains("\"outcome\":\"failed\",\"failure\":\"TASK_FAILED\""));
    }

    /** The first line of a run's failure, or "passed". */
    private static String outcome(Runnable run) {
        try {
            run.run();
            return "passed";
        } catch (SimulationFailure f) {
            return f.getMessage().lines().findFirst().orElseThrow();
        }
    }
}
