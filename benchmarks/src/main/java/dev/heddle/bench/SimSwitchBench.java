package dev.heddle.bench;

import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.VirtualThreads;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationResult;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./heddle bench sim-switch}: the cost of one simulation step. Two tasks hand a turn
 * back and forth with park/unpark, once in the simulator and once on the floor: virtual
 * threads on a plain {@link ArrayDeque} executor, the least a virtual-thread switch can cost.
 * Prints {@code sim_steps_per_sec}, {@code floor_steps_per_sec} and {@code ratio} (last).
 */
public final class SimSwitchBench {
    private static final int ROUNDS = 7;

    private SimSwitchBench() {}

    public static void main(String[] args) throws Exception {
        int switches = args.length > 0 ? (int) Bench.positive("switches", args[0]) : 500_000;
        double bestSim = 0;
        double bestFloor = 0;
        for (int round = 0; round < ROUNDS; round++) {
            bestSim = Math.max(bestSim, simStepsPerSecond(switches));
            bestFloor = Math.max(bestFloor, floorStepsPerSecond(switches));
        }
        System.out.printf("switches=%d%n", switches);
        System.out.printf("sim_steps_per_sec=%.0f%n", bestSim);
        System.out.printf("floor_steps_per_sec=%.0f%n", bestFloor);
        System.out.printf("ratio=%.2f%n", bestSim / bestFloor);
    }

    private static double simStepsPerSecond(int switches) {
        long start = System.nanoTime();
        SimulationResult r = Simulation.ofSeed(1).maxSteps(Long.MAX_VALUE).run(sim -> {
            PingPong game = new PingPong(switches);
            var a = sim.spawn("ping", () -> game.play(0));
            var b = sim.spawn("pong", () -> game.play(1));
            game.players(RuntimeAccess.task(a).thread(), RuntimeAccess.task(b).thread());
            a.join();
            b.join();
        });
        return r.steps() / ((System.nanoTime() - start) / 1e9);
    }

    private static double floorStepsPerSecond(int switches) throws InterruptedException {
        ArrayDeque<Runnable> queue = new ArrayDeque<>();
        ThreadFactory threads = VirtualThreads.factory(queue::add);
        PingPong game = new PingPong(switches);
        Thread a = threads.newThread(() -> game.play(0));
        Thread b = threads.newThread(() -> game.play(1));
        game.players(a, b);
        long start = System.nanoTime();
        a.start();
        b.start();
        long steps = 0;
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
            steps++;
        }
        double perSecond = steps / ((System.nanoTime() - start) / 1e9);
        a.join();
        b.join();
        return perSecond;
    }

    /** Two players take turns; each turn wakes the other and parks. */
    private static final class PingPong {
        private final int switches;
        private volatile int turn;
        private volatile Thread[] players;

        PingPong(int switches) {
            this.switches = switches;
        }

        void players(Thread a, Thread b) {
            players = new Thread[] {a, b};
        }

        void play(int me) {
            for (int i = 0; i < switches / 2; i++) {
                while (turn != me || players == null) {
                    Suspension.park(this);
                }
                turn = 1 - me;
                LockSupport.unpark(players[1 - me]);
            }
        }
    }
}
