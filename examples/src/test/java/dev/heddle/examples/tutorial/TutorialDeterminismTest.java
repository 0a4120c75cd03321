package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each tutorial program replays the same run from the same seed, on the current-thread
 * simulation and on three logical workers: two runs of a seed give the same trace hash.
 */
class TutorialDeterminismTest {
    private static final int SEEDS = 2;
    private static final List<SimBody> PROGRAMS = List.of(
            sim -> WorkerPool.run(4, 20),
            sim -> LaggingSubscriber.run(4, 12),
            sim -> ConfigReload.run(3, 6),
            sim -> WatchShutdown.run(3, Duration.ofMillis(10)),
            sim -> TokenTreeShutdown.run(2),
            sim -> NotifyChannel.run(3, 4),
            sim -> BarrierRounds.run(3, 3),
            sim -> new ReadThroughCache().run(4, 3, 3),
            sim -> PriorityLoop.run(3));

    @Test
    void everyProgramRunsTheSameTwiceForEachSeed() {
        for (int p = 0; p < PROGRAMS.size(); p++) {
            SimBody program = PROGRAMS.get(p);
            for (long seed = 0; seed < SEEDS; seed++) {
                assertEquals(Simulation.ofSeed(seed).run(program).traceHash(),
                        Simulation.ofSeed(seed).run(program).traceHash(), "program " + p + " seed " + seed);
                assertEquals(Simulation.ofSeed(seed).workers(3).run(program).traceHash(),
                        Simulation.ofSeed(seed).workers(3).run(program).traceHash(),
                        "program " + p + " on three workers, seed " + seed);
            }
        }
    }
}
