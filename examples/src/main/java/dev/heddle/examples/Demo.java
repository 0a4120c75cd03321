package dev.heddle.examples;

import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./heddle demo}: simulates every example program over many seeds, then the replicated
 * store ({@link StorePrograms}) correct and with each planted bug, and prints per row the seeds
 * run, the failures, the first failing seed with its rerun command, the virtual time covered and
 * the wall time taken; then shrinks one failure of the store and writes what shows it
 * ({@link StoreFailureShrink}), and writes the report of the first failure its linearizability
 * check found ({@link NonLinearizableRun}).
 *
 * <p>{@code ./heddle demo NAME --seed 0x…} reruns one seed of one program and prints its full
 * report and trace hash; {@code --seeds N} changes the sweep. {@link DemoArguments} reads the
 * arguments and holds the usage.
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
        Map<String, SimBody> programs = programs();
        List<String> names = List.copyOf(programs.keySet());
        DemoArguments parsed;
        try {
            parsed = DemoArguments.parse(args, names);
        } catch (IllegalArgumentException e) {
            err.println("heddle demo: " + e.getMessage());
            err.println("(./heddle demo --help shows the usage)");
            return 2;
        }
        if (parsed.help()) {
            out.print(DemoArguments.usage(names));
            return 0;
        }
        String only = parsed.program();
        if (parsed.seed() != null) {
            return rerun(only, programs.get(only), parsed.seed(), out, err);
        }
        boolean storeOnly = only != null && StorePrograms.isStore(only);
        if (!storeOnly) {
            sweepThePrograms(only, parsed.seeds(), out);
        }
        if (only == null) {
            out.println();
        }
        if (only == null || storeOnly) {
            sweepTheStore(only, parsed.storeSeeds(), out);
        }
        return 0;
    }

    /**
     * Every program the demo runs, by name: the example programs, then the store's rows. What
     * {@code PROGRAM} may name, and what {@code ./heddle replay} replays a program's log with.
     */
    static Map<String, SimBody> programs() {
        Map<String, SimBody> programs = new LinkedHashMap<>(ExamplePrograms.all());
        for (String name : StorePrograms.names()) {
            programs.put(name, StorePrograms.body(name));
        }
        return programs;
    }

    /**
     * The example programs' part: their rows ({@code only} one of them, or all when it is null).
     * {@code DemoTest} checks it alone too, as the store's part costs a hundred times more a seed.
     */
    static void sweepThePrograms(String only, int seeds, PrintStream out) {
        out.printf("Heddle demo: each program simulated over %d seeds (strategy RANDOM)%n%n", seeds);
        printHeader("program", out);
        for (Map.Entry<String, SimBody> p : ExamplePrograms.all().entrySet()) {
            if (only == null || only.equals(p.getKey())) {
                print(ProgramSweep.run(p.getKey(), p.getValue(), seeds), out);
            }
        }
    }

    /**
     * The store's part: its rows ({@code only} one of them, or all when it is null or names the
     * correct store), then the shrink of one of their failures and the report of a non-linearizable history.
     */
    private static void sweepTheStore(String only, int seeds, PrintStream out) {
        out.printf("The replicated key-value store (Raft), correct and with each planted bug, each over %d seeds"
                + " (strategy RANDOM, swarm)%n%n", seeds);
        printHeader("store", out);
        List<ProgramSweep> sweeps = new ArrayList<>();
        for (String name : StorePrograms.names()) {
            if (only == null || only.equals(StorePrograms.CORRECT) || only.equals(name)) {
                ProgramSweep sweep = ProgramSweep.run(name, StorePrograms.body(name), seeds);
                print(sweep, out);
                sweeps.add(sweep);
            }
        }
        StoreFailureShrink.chosen(sweeps).ifPresent(sweep -> {
            out.println();
            StoreFailureShrink.shrinkAndWrite(sweep, out);
        });
        NonLinearizableRun.chosen(sweeps).ifPresent(sweep -> {
            out.println();
            NonLinearizableRun.rerunAndWrite(sweep, out);
        });
    }

    private static void printHeader(String what, PrintStream out) {
        out.printf("%-24s %6s %9s  %-12s %14s %9s%n", what, "seeds", "failures", "first fail", "virtual time", "wall");
    }

    private static void print(ProgramSweep sweep, PrintStream out) {
        SimulationFailure first = sweep.firstFailure();
        out.printf("%-24s %6d %9d  %-12s %12.1f s %7.0f ms%n", sweep.name(), sweep.seeds(), sweep.failures(),
                first == null ? "-" : Simulation.hex(first.seed()), sweep.virtualNanos() / 1e9,
                sweep.wallNanos() / 1e6);
        if (first != null) {
            first.getMessage().lines().limit(5).takeWhile(line -> !line.startsWith("rerun:"))
                    .forEach(line -> out.println("    " + line));
            out.println("    rerun: " + first.rerunCommand());
        }
    }

    /**
     * Reruns one seed; a failure's decision log is written to {@code target/heddle/demo/NAME.decisions}
     * in the current folder, named on {@code err}, for {@code ./heddle replay [--shrink]}.
     */
    private static int rerun(String name, SimBody body, long seed, PrintStream out, PrintStream err) {
        try {
            SimulationResult r = ProgramSweep.simulation(name, seed).run(body);
            out.println(name + " passed: " + r);
            return 0;
        } catch (SimulationFailure f) {
            out.println(name + " failed, trace hash " + Long.toHexString(f.traceHash()) + ":");
            out.println(f.getMessage());
            f.decisionLog().ifPresent(log -> {
                Path file = StoreFailureShrink.FOLDER.resolve(name + ".decisions");
                log.withProperty("program", name).write(file);
                err.println("decision log: " + file + " (" + log.size() + " decisions); ./heddle replay " + file
                        + " replays it, ./heddle replay --shrink " + file + " shrinks it");
            });
            return 1;
        }
    }
}
