package dev.heddle.junit.fuzz;

import dev.heddle.sim.Simulation;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fuzz runner's main: {@code ./heddle fuzz}, or on a project's own test classpath
 *
 * <pre>{@code
 * java --add-opens java.base/java.lang=ALL-UNNAMED -XX:+EnableDynamicAgentLoading \
 *      -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *      dev.heddle.junit.fuzz.FuzzCommand --tests com.example.CounterTest --seeds 10000
 * }</pre>
 *
 * (the README shows how Maven writes {@code target/test-classpath.txt}). Forks inherit this
 * JVM's classpath and options. The usage text is the {@code heddle} script's; the script's tests
 * check that they agree.
 */
public final class FuzzCommand {
    static final String USAGE = """
            usage: ./heddle fuzz --tests CLASS[#METHOD] (--seeds N | --duration D) [OPTIONS]
                   ./heddle fuzz merge [--out DIR] DIR...
            Runs @SimTest methods over many seeds in forked JVMs and reports every failing seed, grouped
            by signature (one bug each), with a folder per failing seed: its seed, rerun command, report.
              --tests CLASS[#METHOD]  the tests, by the class's full name; repeat it or join with commas
              --seeds N               seeds per test method (per shard)
              --duration D            run until D of wall time has passed, e.g. 30s, 10m, 2h
              --jobs J                forked JVMs running seeds at once (default: the processors)
              --shard I/N             shard I of N (0 <= I < N): a disjoint slice of the seeds, so that
                                      N CI jobs cover N times the seeds; fuzz merge joins their folders
              --strategy S            random, pct or portfolio for every test (default: each test's own)
              --first-seed SEED       where the seeds start (default 0); random for a new start, unsharded
              --out DIR               the reports' folder (default target/heddle-fuzz)
              --hang-after D          a fork that finishes no seed for D is killed as hung (default 5m)
              --determinism-sample P  share of seeds run twice to check determinism (default 5%; 0: none)
              --canary                also run a built-in test that must fail: proves failures are reported
              --classpath CP          (the script's) your project's test classpath; default Heddle's examples
              -h, --help              print this and exit
            merge reads each DIR/summary.json (a shard's --out) and writes one report (default --out
            target/heddle-fuzz-merged). Reports: DIR/summary.json, DIR/junit.xml and, per failing seed,
            DIR/failures/CLASS#METHOD-SEED/ with seed, rerun, report.txt, the run's decision log, trace and
            timeline, and for each signature's first seed in a fork the shrunk decision log.
            Exit code: 0 no seed failed, 1 a seed failed, crashed or hung (or the canary was not caught),
            2 bad arguments.
            """;

    private FuzzCommand() {}

    public static void main(String[] args) {
        Console console = System.console();
        System.exit(run(args, System.out, System.err, console != null && console.isTerminal()));
    }

    /** Runs the command as its main does, progress in plain lines; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /** Runs the command; {@code terminal}: whether {@code err} is a terminal, for the live progress line. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        List<String> words = Arrays.asList(args);
        if (words.contains("-h") || words.contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            if (!words.isEmpty() && words.getFirst().equals("merge")) {
                return FuzzMerge.run(words.subList(1, words.size()), out, err);
            }
            if (words.contains("--classpath")) {
                throw new UsageError("--classpath is the heddle script's; with java, give the test classpath to"
                        + " java -cp");
            }
            FuzzOptions options = FuzzOptions.parse(words);
            List<FuzzTarget> targets = new ArrayList<>(TestDiscovery.find(options.tests()));
            if (options.canary()) {
                targets.addAll(TestDiscovery.find(List.of(FuzzCanary.class.getName())));
            }
            return fuzz(options, targets, out, err, terminal);
        } catch (UsageError e) {
            err.println("heddle fuzz: " + e.getMessage() + " (./heddle fuzz --help shows the usage)");
            return 2;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("heddle fuzz: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("heddle fuzz: interrupted");
            return 1;
        }
    }

    private static int fuzz(FuzzOptions options, List<FuzzTarget> targets, PrintStream out, PrintStream err,
                            boolean terminal) throws IOException, InterruptedException {
        long start = System.nanoTime();
        out.println("heddle fuzz: " + targets.size() + " test" + (targets.size() == 1 ? "" : "s") + ", "
                + (options.duration() != null ? "for " + options.duration().toString().substring(2).toLowerCase(Locale.ROOT)
                        : options.seeds() + " seeds each") + " from " + Simulation.hex(options.firstSeed())
                + ", shard " + options.shard() + ", " + options.jobs() + " fork" + (options.jobs() == 1 ? "" : "s")
                + ", determinism checked on " + options.determinism() + " of the seeds, reports in " + options.out());
        long deadline = options.duration() == null ? 0 : start + options.duration().toNanos();
        FuzzProgress progress = new FuzzProgress(err, terminal, options.seeds() * targets.size(), deadline);
        FuzzSummary summary = new FuzzRun(options, targets, progress, start).run();
        summary.write(options.out());
        JunitXmlReport.write(options.out(), summary);
        FuzzReport.print(summary, options.out(), out);
        return summary.exitCode();
    }
}
