package dev.heddle.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.heddle.junit.fuzz.FuzzCommand;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.DecisionLogShrinker;
import dev.heddle.sim.ShrinkResult;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * {@code ./heddle bench fuzz}: seeds per second of the fuzz runner on the correct example programs
 * ({@link FuzzedExamples}, six {@code @SimTest} methods) with one fork and with two, the scaling
 * from one to two, and the same seeds as a plain {@code @SimTest} sweep in this JVM (what a fork
 * costs: start-up, the protocol, the launcher per range); then, last, the shrink of a planted bug
 * (a counter 20 tasks increment with a read, a yield and a write: a lost update): its time and the
 * decision log's size before and after.
 *
 * <p>Arguments: {@code --seeds N}, seeds per method (default 8000, about two and a half minutes on
 * two cores). Wall-clock seeds per second include the forks' start-up and JIT warm-up, as a CI job
 * pays it; the fuzz runs skip the determinism sample (the plain sweep has none). Shorter runs
 * measure mostly the warm-up: at 2000 seeds per method two forks, each compiling on a core the
 * other needs, ran 0.74-0.77 times as fast as one; at 8000, 1.13 times.
 */
public final class FuzzBench {
    private static final int TASKS = 20;

    private FuzzBench() {}

    public static void main(String[] args) throws IOException {
        long seeds = 8000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seeds")) {
                seeds = Bench.positive("--seeds", Bench.valueOf(args, i++));
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; fuzz accepts --seeds N");
            }
        }
        long total = seeds * FuzzedExamples.PROGRAMS.length;
        System.out.printf("methods=%d%nseeds_per_method=%d%n", FuzzedExamples.PROGRAMS.length, seeds);
        double plain = total / plainSweepSeconds(seeds);
        System.out.printf("plain_sweep_seeds_per_sec=%.0f%n", plain);
        double one = total / fuzzSeconds(seeds, 1);
        System.out.printf("fuzz_jobs1_seeds_per_sec=%.0f%n", one);
        double two = total / fuzzSeconds(seeds, 2);
        System.out.printf("fuzz_jobs2_seeds_per_sec=%.0f%n", two);
        System.out.printf("fuzz_jobs1_over_plain_sweep=%.2f%n", one / plain);
        System.out.printf("scaling_jobs2_over_jobs1=%.2f%n", two / one);
        shrink();
    }

    /** The seconds a plain sweep of every method over {@code seeds} seeds takes, through the JUnit launcher here. */
    private static double plainSweepSeconds(long seeds) throws IOException {
        Path seedDir = Files.createTempDirectory("heddle-bench-fuzz-seeds");
        Map<String, String> properties = Map.of("heddle.seeds", Long.toString(seeds), "heddle.seedDir",
                seedDir.toString(), "heddle.regressionDir", "none");
        properties.forEach(System::setProperty);
        // Each sweep's summary line is the sweep's business, not the benchmark's output.
        Logger heddle = Logger.getLogger("dev.heddle");
        Level level = heddle.getLevel();
        heddle.setLevel(Level.WARNING);
        try {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            long start = System.nanoTime();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(FuzzedExamples.class)).build(), summary);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (summary.getSummary().getTestsSucceededCount() != FuzzedExamples.PROGRAMS.length) {
                throw new IllegalStateException("the plain sweep of " + FuzzedExamples.class.getSimpleName()
                        + " did not pass: " + summary.getSummary().getFailures());
            }
            return seconds;
        } finally {
            properties.keySet().forEach(System::clearProperty);
            heddle.setLevel(level);
        }
    }

    /** The seconds {@code ./heddle fuzz} takes on every method over {@code seeds} seeds with {@code jobs} forks. */
    private static double fuzzSeconds(long seeds, int jobs) throws IOException {
        Path out = Files.createTempDirectory("heddle-bench-fuzz");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(printed, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int code = FuzzCommand.run(new String[] {"--tests", FuzzedExamples.class.getName(), "--seeds",
            Long.toString(seeds), "--jobs", Integer.toString(jobs), "--determinism-sample", "0", "--out",
            out.toString()}, to, to);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("the fuzz run with --jobs " + jobs + " exited with " + code + ":\n"
                    + printed.toString(StandardCharsets.UTF_8));
        }
        return seconds;
    }

    /** The planted bug: {@value #TASKS} tasks each read the counter, yield, and write it plus one. */
    private static final SimBody RACY_COUNTER = sim -> {
        int[] counter = {0};
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            tasks.add(sim.spawn(() -> {
                int read = counter[0];
                Heddle.yieldNow();
                counter[0] = read + 1;
            }));
        }
        tasks.forEach(JoinHandle::join);
        if (counter[0] != TASKS) {
            throw new AssertionError("lost update: " + counter[0] + " of " + TASKS);
        }
    };

    /** Finds the planted bug's first failing seed under RANDOM and shrinks its decision log; prints the numbers. */
    private static void shrink() {
        for (long seed = 0; seed < 1000; seed++) {
            Simulation simulation = Simulation.ofSeed(seed).strategy(Strategy.RANDOM);
            DecisionLog log;
            try {
                simulation.run(RACY_COUNTER);
                continue;
            } catch (SimulationFailure f) {
                log = f.decisionLog().orElseThrow(() -> new IllegalStateException("no decision log in " + f));
            }
            ShrinkResult result = DecisionLogShrinker.shrink(Simulation.ofSeed(seed).strategy(Strategy.RANDOM),
                    RACY_COUNTER, log, DecisionLogShrinker.DEFAULT_MAX_REPLAYS);
            if (!result.reproduced()) {
                throw new IllegalStateException(result.summary());
            }
            System.out.printf("shrink_seed=%s%nshrink_replays=%d%n", Simulation.hex(seed), result.replays());
            System.out.printf("shrink_context_switches=%d->%d%n", result.original().contextSwitches(),
                    result.shrunk().contextSwitches());
            System.out.printf("shrink_ms=%.0f%n", result.nanos() / 1e6);
            System.out.printf("shrink_decisions=%d->%d%n", result.original().size(), result.shrunk().size());
            return;
        }
        throw new IllegalStateException("the racy counter with " + TASKS + " tasks passed 1000 seeds: the planted"
                + " bug was not found, so nothing was shrunk");
    }
}
