package dev.heddle.examples;

import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import java.util.Map;

/**
 * {@code ./heddle demo}: simulates every example program over many seeds and prints, per
 * program, the seeds run, the failures, the first failing seed with its rerun command, the
 * virtual time covered and the wall time taken.
 *
 * <p>{@code ./heddle demo NAME --seed 0x…} reruns one seed of one program and prints its full
 * report and trace hash; {@code --seeds N} changes the sweep.
 */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) {
        int seeds = 300;
        Long oneSeed = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(value(args, ++i, "--seeds"));
                case "--seed" -> oneSeed = Simulation.parseSeed(value(args, ++i, "--seed"));
                default -> only = args[i];
            }
        }
        Map<String, SimBody> programs = ExamplePrograms.all();
        if (only != null && !programs.containsKey(only)) {
            System.err.println("heddle demo: no program named '" + only + "'; programs: " + programs.keySet());
            System.exit(2);
        }
        if (oneSeed != null) {
            if (only == null) {
                System.err.println("heddle demo: --seed needs a program name, e.g. ./heddle demo racy-counter --seed 0x1");
                System.exit(2);
            }
            System.exit(rerun(only, programs.get(only), oneSeed));
        }
        System.out.printf("Heddle demo: each program simulated over %d seeds (strategy RANDOM)%n%n", seeds);
        System.out.printf("%-20s %6s %9s  %-12s %14s %9s%n", "program", "seeds", "failures", "first fail",
                "virtual time", "wall");
        for (Map.Entry<String, SimBody> p : programs.entrySet()) {
            if (only == null || only.equals(p.getKey())) {
                sweep(p.getKey(), p.getValue(), seeds);
            }
        }
    }

    private static void sweep(String name, SimBody body, int seeds) {
        long start = System.nanoTime();
        int failures = 0;
        SimulationFailure first = null;
        long virtualNanos = 0;
        for (long seed = 0; seed < seeds; seed++) {
            try {
                virtualNanos += simulation(name, seed).run(body).virtualNanos();
            } catch (SimulationFailure f) {
                failures++;
                if (first == null) {
                    first = f;
                }
            }
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("%-20s %6d %9d  %-12s %12.1f s %7.0f ms%n", name, seeds, failures,
                first == null ? "-" : Simulation.hex(first.seed()), virtualNanos / 1e9, wallMs);
        if (first != null) {
            first.getMessage().lines().limit(5).takeWhile(line -> !line.startsWith("rerun:"))
                    .forEach(line -> System.out.println("    " + line));
            System.out.println("    rerun: " + first.rerunCommand());
        }
    }

    private static int rerun(String name, SimBody body, long seed) {
        try {
            SimulationResult r = simulation(name, seed).run(body);
            System.out.println(name + " passed: " + r);
            return 0;
        } catch (SimulationFailure f) {
            System.out.println(name + " failed, trace hash " + Long.toHexString(f.traceHash()) + ":");
            System.out.println(f.getMessage());
            return 1;
        }
    }

    private static Simulation simulation(String name, long seed) {
        return Simulation.ofSeed(seed)
                .rerunCommand(s -> "./heddle demo " + name + " --seed " + Simulation.hex(s));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println("heddle demo: " + flag + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
