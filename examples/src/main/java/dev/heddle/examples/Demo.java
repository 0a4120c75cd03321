package dev.heddle.examples;

import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import java.io.PrintStream;
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
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the demo as {@code ./heddle demo ARGS} would and returns its exit code: 0 when the
     * sweep ran or the replayed seed passed, 1 when the replayed seed failed, 2 on bad arguments.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int seeds = 300;
        Long oneSeed = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--seeds") || flag.equals("--seed")) {
                if (++i >= args.length) {
                    err.println("heddle demo: " + flag + " needs a value");
                    return 2;
                }
                try {
                    if (flag.equals("--seed")) {
                        oneSeed = Simulation.parseSeed(args[i]);
                    } else {
                        seeds = Integer.parseInt(args[i]);
                    }
                } catch (IllegalArgumentException e) {
                    err.println("heddle demo: " + flag + " '" + args[i] + "' is not "
                            + (flag.equals("--seed") ? "a seed; write it as printed (0x2a) or in decimal"
                                    : "a whole number of seeds"));
                    return 2;
                }
            } else {
                only = flag;
            }
        }
        Map<String, SimBody> programs = ExamplePrograms.all();
        if (only != null && !programs.containsKey(only)) {
            err.println("heddle demo: no program named '" + only + "'; programs: " + programs.keySet());
            return 2;
        }
        if (seeds < 1) {
            err.println("heddle demo: --seeds must be at least 1, was " + seeds);
            return 2;
        }
        if (oneSeed != null) {
            if (only == null) {
                err.println("heddle demo: --seed needs a program name, e.g. ./heddle demo racy-counter --seed 0x1");
                return 2;
            }
            return rerun(only, programs.get(only), oneSeed, out);
        }
        out.printf("Heddle demo: each program simulated over %d seeds (strategy RANDOM)%n%n", seeds);
        out.printf("%-20s %6s %9s  %-12s %14s %9s%n", "program", "seeds", "failures", "first fail",
                "virtual time", "wall");
        for (Map.Entry<String, SimBody> p : programs.entrySet()) {
            if (only == null || only.equals(p.getKey())) {
                print(ProgramSweep.run(p.getKey(), p.getValue(), seeds), out);
            }
        }
        return 0;
    }

    private static void print(ProgramSweep sweep, PrintStream out) {
        SimulationFailure first = sweep.firstFailure();
        out.printf("%-20s %6d %9d  %-12s %12.1f s %7.0f ms%n", sweep.name(), sweep.seeds(), sweep.failures(),
                first == null ? "-" : Simulation.hex(first.seed()), sweep.virtualNanos() / 1e9,
                sweep.wallNanos() / 1e6);
        if (first != null) {
            first.getMessage().lines().limit(5).takeWhile(line -> !line.startsWith("rerun:"))
                    .forEach(line -> out.println("    " + line));
            out.println("    rerun: " + first.rerunCommand());
        }
    }

    private static int rerun(String name, SimBody body, long seed, PrintStream out) {
        try {
            SimulationResult r = ProgramSweep.simulation(name, seed).run(body);
            out.println(name + " passed: " + r);
            return 0;
        } catch (SimulationFailure f) {
            out.println(name + " failed, trace hash " + Long.toHexString(f.traceHash()) + ":");
            out.println(f.getMessage());
            return 1;
        }
    }
}
