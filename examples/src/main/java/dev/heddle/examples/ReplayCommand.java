package dev.heddle.examples;

import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.DecisionLogShrinker;
import dev.heddle.sim.ShrinkResult;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./heddle replay [--shrink] [--max-replays N] FILE}: replays a decision log. A log of a
 * demo program ({@code ./heddle demo NAME --seed S} writes one when the seed fails) is replayed
 * here, and shrunk with {@code --shrink}; a log a failed {@code @SimTest} wrote is replayed by
 * running that test with Maven in the folder it ran in, with {@code -Dheddle.replay=FILE} (and
 * {@code -Dheddle.shrink=true}), since only the test's JVM has its classes.
 */
public final class ReplayCommand {
    /** The usage, as {@code ./heddle replay --help} prints it; the script holds the same text. */
    static final String USAGE = """
            usage: ./heddle replay [--shrink] [--max-replays N] FILE
            Replays a decision log: the run a failure recorded, decision for decision, also after the code
            changed. A log of a demo program (./heddle demo PROGRAM --seed SEED writes one when the seed fails)
            runs here; a log a failed @SimTest wrote runs that test with Maven, in the folder it ran in, with
            -Dheddle.replay=FILE.
              --shrink          when the replay fails, shrink the log to one that fails the same way with fewer
                                decisions, and write it beside FILE as NAME.shrunk.decisions
              --max-replays N   the most replays a shrink may take (default 500)
              -h, --help        print this and exit
            Exit code: 0 the replay passed, 1 it failed, 2 bad arguments or an unreadable FILE.
            """;

    private ReplayCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code ./heddle replay ARGS} and returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean shrink = false;
        int maxReplays = DecisionLogShrinker.DEFAULT_MAX_REPLAYS;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--shrink" -> shrink = true;
                case "--max-replays" -> {
                    if (i + 1 >= args.length) {
                        return usageError(err, "--max-replays needs a value");
                    }
                    try {
                        maxReplays = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        maxReplays = 0;
                    }
                    if (maxReplays < 1) {
                        return usageError(err, "--max-replays must be a number of replays of at least 1, was '"
                                + args[i] + "'");
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        return usageError(err, "unknown option '" + a + "'; the options are --shrink, --max-replays N,"
                                + " -h, --help");
                    }
                    if (file != null) {
                        return usageError(err, "two files named, '" + file + "' and '" + a + "'; name one");
                    }
                    file = Path.of(a);
                }
            }
        }
        if (file == null) {
            return usageError(err, "no decision log named");
        }
        DecisionLog log;
        try {
            log = DecisionLog.read(file);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println("heddle replay: " + e.getMessage());
            return 2;
        }
        if (log.property("program").isPresent()) {
            return replayProgram(log, file, shrink, maxReplays, out, err);
        }
        if (log.property("test").isPresent()) {
            return replayTest(log, file, shrink, maxReplays, out, err);
        }
        err.println("heddle replay: " + file + " names neither a demo program nor a test (no 'property program' or"
                + " 'property test' line); replay it with Simulation.replay from the code that made it");
        return 2;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("heddle replay: " + message);
        err.println("(./heddle replay --help shows the usage)");
        return 2;
    }

    private static int replayProgram(DecisionLog log, Path file, boolean shrink, int maxReplays, PrintStream out,
                                     PrintStream err) {
        String name = log.property("program").orElseThrow();
        Map<String, SimBody> programs = Demo.programs();
        SimBody body = programs.get(name);
        if (body == null) {
            err.println("heddle replay: " + file + " is a log of the program '" + name + "', which is not one of: "
                    + String.join(", ", programs.keySet()));
            return 2;
        }
        Simulation simulation = log.withRunSettings(ProgramSweep.simulation(name, log.seed()))
                .rerunCommand(s -> "./heddle replay " + file);
        try {
            simulation.replay(log, body);
            out.println(name + " passed when " + file + " was replayed (" + log.size() + " decisions)");
            return 0;
        } catch (SimulationFailure f) {
            out.println(name + " failed when " + file + " was replayed (" + log.size() + " decisions):");
            out.println(f.getMessage());
        }
        if (shrink) {
            // A store's replays are bounded in steps as the demo's shrink bounds them: else one would take minutes.
            Simulation replays = StorePrograms.isStore(name) ? StoreFailureShrink.shrinkReplays(name, log) : simulation;
            ShrinkResult r = DecisionLogShrinker.shrink(replays, body, log, maxReplays);
            out.println();
            out.println(r.summary());
            if (r.reproduced()) {
                Path shrunk = shrunkFile(file);
                r.shrunk().write(shrunk);
                out.println("shrunk decision log: " + shrunk + " (./heddle replay " + shrunk + " shows its run)");
            }
        }
        return 1;
    }

    private static int replayTest(DecisionLog log, Path file, boolean shrink, int maxReplays, PrintStream out,
                                  PrintStream err) {
        String test = log.property("test").orElseThrow();
        int hash = test.indexOf('#');
        String className = test.substring(0, hash);
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Path folder = Path.of(log.property("directory").orElse("."));
        if (!Files.isDirectory(folder)) {
            err.println("heddle replay: the test " + test + " ran in " + folder + ", which is no folder here; run it"
                    + " where it is with -Dheddle.replay=" + file.toAbsolutePath());
            return 2;
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "test", "-Dtest=" + simple + test.substring(hash),
                "-Dheddle.replay=" + file.toAbsolutePath(), "-Dsurefire.failIfNoSpecifiedTests=false"));
        if (shrink) {
            command.add("-Dheddle.shrink=true");
            command.add("-Dheddle.shrinkReplays=" + maxReplays);
        }
        out.println("heddle replay: in " + folder + ": " + String.join(" ", command));
        try {
            Process p = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
            return p.waitFor() == 0 ? 0 : 1;
        } catch (IOException e) {
            err.println("heddle replay: cannot run Maven (mvn) in " + folder + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** {@code X.decisions} -> {@code X.shrunk.decisions}, beside it. */
    static Path shrunkFile(Path log) {
        String name = log.getFileName().toString();
        String stem = name.endsWith(".decisions") ? name.substring(0, name.length() - ".decisions".length()) : name;
        return log.resolveSibling(stem + ".shrunk.decisions");
    }
}
