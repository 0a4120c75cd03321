package dev.heddle.bench;

import dev.heddle.bench.agent.Ledger;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.instrument.SchedulingPoints;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./heddle bench agent [RUNS]}: what scheduling points at memory accesses cost. Its JVM
 * starts with Heddle's agent instrumenting {@code dev.heddle.bench.agent} (the {@code heddle}
 * script adds the {@code -javaagent}), and runs one small program, {@link Ledger}'s transfers by
 * four tasks that yield every few transfers, over the same seeds with
 * {@code schedulingPoints} off, where each point is a static read, and on, where each is a
 * step. Prints, for each, the steps per run, the runs and steps per second (best of several
 * rounds); then the time of a run with points on over one with them off, and last the ratio of
 * steps per second on to off. {@code point_ns_outside_simulation} is what one point costs code
 * that runs outside every simulation (or in one with points off): a call in a loop, best of the
 * rounds.
 */
public final class AgentBench {
    private static final int ROUNDS = 5;
    private static final int TASKS = 4;
    private static final int TRANSFERS = 50;

    private AgentBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? (int) Bench.positive("runs", args[0]) : 200;
        Measure off = new Measure();
        Measure on = new Measure();
        double pointNanos = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            off.round(runs, false);
            on.round(runs, true);
            pointNanos = Math.min(pointNanos, pointNanosOutsideSimulation());
        }
        System.out.printf("runs=%d%n", runs);
        System.out.printf("steps_per_run_points_off=%d%n", off.stepsPerRun);
        System.out.printf("steps_per_run_points_on=%d%n", on.stepsPerRun);
        System.out.printf("runs_per_sec_points_off=%.0f%n", off.bestRunsPerSecond);
        System.out.printf("runs_per_sec_points_on=%.0f%n", on.bestRunsPerSecond);
        System.out.printf("steps_per_sec_points_off=%.0f%n", off.bestStepsPerSecond);
        System.out.printf("steps_per_sec_points_on=%.0f%n", on.bestStepsPerSecond);
        System.out.printf("point_ns_outside_simulation=%.2f%n", pointNanos);
        System.out.printf("run_time_on_over_off=%.2f%n", off.bestRunsPerSecond / on.bestRunsPerSecond);
        System.out.printf("ratio=%.2f%n", on.bestStepsPerSecond / off.bestStepsPerSecond);
    }

    private static double pointNanosOutsideSimulation() {
        int calls = 20_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            SchedulingPoints.point("AgentBench.pointNanosOutsideSimulation");
        }
        return (System.nanoTime() - start) / (double) calls;
    }

    private static final class Measure {
        long stepsPerRun;
        double bestRunsPerSecond;
        double bestStepsPerSecond;

        void round(int runs, boolean points) {
            long steps = 0;
            long start = System.nanoTime();
            for (long seed = 0; seed < runs; seed++) {
                SimulationResult r = Simulation.ofSeed(seed).schedulingPoints(points).run(PROGRAM);
                steps += r.steps();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            stepsPerRun = steps / runs;
            bestRunsPerSecond = Math.max(bestRunsPerSecond, runs / seconds);
            bestStepsPerSecond = Math.max(bestStepsPerSecond, steps / seconds);
        }
    }

    private static final SimBody PROGRAM = AgentBench::transfers;

    private static void transfers(Sim sim) {
        Ledger ledger = new Ledger(8, 100);
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            int id = t;
            tasks.add(sim.spawn(() -> {
                for (int i = 0; i < TRANSFERS; i++) {
                    ledger.transfer((id + i) % 8, (id * 3 + i + 1) % 8, 1 + i % 5);
                    if (i % 5 == 4) {
                        Heddle.yieldNow();
                    }
                }
            }));
        }
        for (JoinHandle<Void> t : tasks) {
            t.join();
        }
        sim.always("money is neither made nor lost", ledger.audit() == 800);
    }
}
