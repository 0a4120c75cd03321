package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.sim.internal.SweepSummary;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tasks nobody joins never pass in silence: they run, their failures fail the run, and the waiting ones are named. */
class TasksLeftTest {

    @Test
    void aTaskSpawnedAndNeverJoinedStillRunsBeforeTheRunEnds() {
        for (long seed = 0; seed < 20; seed++) {
            AtomicInteger ran = new AtomicInteger();
            Simulation.ofSeed(seed).run(sim -> {
                sim.spawn(ran::incrementAndGet);
            });
            assertEquals(1, ran.get(), "seed " + seed);
        }
    }

    @Test
    void aFailureInATaskNobodyJoinedFailsEverySeed() {
        for (long seed = 0; seed < 20; seed++) {
            long s = seed;
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(s).run(sim -> {
                sim.spawn(() -> {
                    throw new IllegalStateException("lost update");
                });
            }));
            assertEquals(FailureKind.TASK_FAILED, f.kind());
            assertTrue(f.getMessage().contains("failed and no one joined it: java.lang.IllegalStateException: lost"
                    + " update"), f.getMessage());
        }
    }

    @Test
    void tasksStillWaitingAreListedWithTheLineThatSpawnedThem() {
        var never = Oneshot.<Integer>channel();
        SimulationResult r = Simulation.ofSeed(1).run(sim -> {
            sim.spawn(() -> never.receiver().recv());
        });
        assertEquals(1, r.tasksLeftWaiting().size(), r.toString());
        String left = r.tasksLeftWaiting().getFirst();
        assertTrue(left.contains("(spawned at dev.heddle.sim.TasksLeftTest."), left);
        assertTrue(left.contains("TasksLeftTest.java:"), left);
        assertTrue(r.toString().contains("left waiting="), r.toString());

        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).failOnLeakedTasks(true)
                .run(sim -> {
                    sim.spawn(() -> never.receiver().recv());
                }));
        assertEquals(FailureKind.LEAKED_TASKS, f.kind());
        assertTrue(f.getMessage().contains("1 task(s) still waiting after the main task returned"), f.getMessage());
        assertTrue(f.getMessage().contains("(spawned at dev.heddle.sim.TasksLeftTest."), f.getMessage());
    }

    @Test
    void aSweepWarnsOfSeedsThatLeftTasksWaiting() {
        var never = Oneshot.<Integer>channel();
        SweepSummary summary = new SweepSummary();
        for (long seed = 0; seed < 4; seed++) {
            summary.add(Simulation.ofSeed(seed).run(sim -> {
                if (sim.random().nextBoolean()) {
                    sim.spawn(() -> never.receiver().recv());
                }
            }));
        }
        List<String> warnings = summary.warnings(4);
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.getFirst();
        assertTrue(warning.contains(" of 4 seeds ended with tasks still waiting"), warning);
        assertTrue(warning.contains("spawned at dev.heddle.sim.TasksLeftTest"), warning);
        assertEquals("", summary.summary(4), "tasks left waiting are a warning, not part of the summary");
        assertEquals(List.of(), new SweepSummary().warnings(4));
    }
}
