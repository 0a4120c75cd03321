package dev.heddle.junit.fuzz;

import dev.heddle.junit.internal.BuildTool;
import dev.heddle.junit.internal.RerunProperties;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One fuzz run: {@code --jobs} forks, each fed ranges of seeds ({@link SeedUnits}) until the
 * seeds or the time run out. Each job watches its fork: a fork whose output ends crashed (an
 * out of memory error, a {@code System.exit}, a JVM crash), one that finishes no seed within
 * {@code --hang-after} hung and is killed; either way the seed it was on is recorded as a
 * failure with its folder, a new fork takes the rest of the range, and the run goes on.
 */
final class FuzzRun {
    /**
     * How long a new fork may take to start and finish its first seed, at least: a JVM on a loaded
     * machine loading the engine and the code under test. Later seeds have {@code --hang-after}.
     */
    private static final Duration STARTUP = Duration.ofMinutes(1);
    /**
     * Forks in a row lost on a test before they finished any of its seeds, after which it gets no
     * more: a test that kills every fork at once would otherwise start a JVM per seed.
     */
    static final int COLD_LOSSES = 3;

    private final FuzzOptions options;
    private final SeedUnits units;
    private final FuzzProgress progress;
    private final long deadlineNanos;
    private final Map<FuzzTarget, Tally> tallies = new LinkedHashMap<>();
    private final Map<FuzzTarget, Integer> coldLosses = new LinkedHashMap<>();
    private final List<FuzzFailure> failures = new ArrayList<>();
    private final AtomicReference<RuntimeException> setupFailure = new AtomicReference<>();
    private final AtomicInteger forks = new AtomicInteger();

    /** The live tally of one test. */
    private static final class Tally {
        long seeds;
        long checkedTwice;
        final List<SeedRange> ranges = new ArrayList<>();
        final Map<String, Long> faults = new TreeMap<>();
    }

    FuzzRun(FuzzOptions options, List<FuzzTarget> targets, FuzzProgress progress, long startNanos) {
        this.options = options;
        this.units = new SeedUnits(targets, options.shard(), options.firstSeed(), options.seeds());
        this.progress = progress;
        this.deadlineNanos = options.duration() == null ? 0 : startNanos + options.duration().toNanos();
        targets.forEach(t -> tallies.put(t, new Tally()));
    }

    FuzzSummary run() throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> jobs = new ArrayList<>();
        for (int j = 0; j < options.jobs(); j++) {
            jobs.add(Thread.ofPlatform().name("heddle-fuzz-job-" + j).start(this::job));
        }
        for (Thread job : jobs) {
            job.join();
        }
        progress.finish();
        if (setupFailure.get() != null) {
            throw setupFailure.get();
        }
        List<TestTally> tests = new ArrayList<>();
        tallies.forEach((t, tally) -> tests.add(new TestTally(t.name(), tally.seeds, tally.checkedTwice,
                SeedRange.coalesce(tally.ranges), Map.copyOf(tally.faults))));
        List<FuzzFailure> sorted = new ArrayList<>(failures);
        sorted.sort(FuzzFailure.ORDER);
        return new FuzzSummary(List.of(options.shard().toString()), (System.nanoTime() - start) / 1_000_000,
                options.canary(), List.copyOf(tests), List.copyOf(sorted));
    }

    private boolean timeIsUp() {
        return deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0;
    }

    /** One job: a fork at a time, replaced when it crashes or hangs. */
    private void job() {
        ForkProcess fork = null;
        try {
            for (SeedUnit unit; setupFailure.get() == null && !timeIsUp() && (unit = units.next()) != null; ) {
                if (fork == null) {
                    fork = ForkProcess.start(forks.getAndIncrement(), options.out(), options);
                    awaitReady(fork);
                }
                if (!runUnit(fork, unit)) {
                    fork = null;
                }
            }
            if (fork != null) {
                fork.quit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            setupFailure.compareAndSet(null, e);
        }
    }

    /** The bound on a fork's start and its first seed, which loads the engine and the code under test. */
    private Duration startupBound() {
        return options.hangAfter().compareTo(STARTUP) > 0 ? options.hangAfter() : STARTUP;
    }

    private void awaitReady(ForkProcess fork) throws InterruptedException {
        Duration bound = startupBound();
        ForkMessage first = fork.next(bound);
        if (first == null || first == ForkProcess.EXITED) {
            if (first == null) {
                fork.kill();
            }
            throw new IllegalStateException("a fork did not start (" + (first == null ? "not ready after " + bound
                    : "exit code " + fork.exitCode()) + "); its output, in " + fork.log() + ":\n" + fork.lastOutput());
        }
    }

    /** Runs {@code unit} on {@code fork}; false when the fork crashed or hung and is gone. */
    private boolean runUnit(ForkProcess fork, SeedUnit unit) throws InterruptedException {
        long millis = deadlineNanos == 0 ? 0 : Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        FuzzTarget target = unit.target();
        fork.send(ForkMessage.of("run", target.uniqueId(), target.name(), Simulation.hex(unit.first()), unit.count(),
                millis));
        long ended = 0;
        while (true) {
            ForkMessage m = fork.next(fork.warm() ? options.hangAfter() : startupBound());
            if (m == null || m == ForkProcess.EXITED) {
                boolean hung = m == null;
                String stacks = "";
                if (hung) {
                    stacks = fork.threadDump();
                    fork.kill();
                }
                lost(fork, unit, ended, hung, stacks);
                return false;
            }
            switch (m.kind()) {
                case "passed" -> {
                    ended++;
                    fork.warmedUp();
                    seedEnded(target, m.field(1).equals("1"), null);
                    synchronized (tallies) {
                        FaultCounts.addText(m.field(2), tallies.get(target).faults);
                    }
                }
                case "failed" -> {
                    ended++;
                    fork.warmedUp();
                    seedEnded(target, false, new FuzzFailure(target.name(), m.field(0), m.field(1), m.field(2),
                            m.field(3), m.field(4), FailureFolder.name(target.name(), m.field(0)), m.field(5)));
                }
                case "broken" -> {
                    units.drop(target);
                    String report = m.field(0);
                    FuzzFailure broken = new FuzzFailure(target.name(), "", "BROKEN",
                            "", "BROKEN: " + report.lines().findFirst().orElse(""),
                            "the test failed outside any seed, so every seed would: " + report.lines().findFirst()
                                    .orElse(""), FailureFolder.name(target.name(), ""), "");
                    FailureFolder.write(options.out(), broken, report);
                    seedEnded(target, false, broken);
                }
                case "done" -> {
                    covered(target, unit, ended);
                    return true;
                }
                default -> throw new IllegalStateException("a fork sent '" + m.kind() + "', which this runner does"
                        + " not know: is the classpath's sim-junit the runner's own version?");
            }
        }
    }

    /**
     * The fork died or hung on the seed after {@code ended}: that seed fails, its report with the
     * fork's last output and, for a hang, its threads' stacks; the rest of the range go to a new fork.
     */
    private void lost(ForkProcess fork, SeedUnit unit, long ended, boolean hung, String stacks)
            throws InterruptedException {
        FuzzTarget target = unit.target();
        long seed = unit.first() + ended;
        String hex = Simulation.hex(seed);
        String output = fork.lastOutput();
        String headline;
        String signature;
        if (hung) {
            headline = "the fork finished no seed for " + (fork.warm() ? options.hangAfter() : startupBound()).toMillis()
                    + " ms (--hang-after) while"
                    + " it ran seed " + hex + " of " + target.name() + ", and was killed";
            signature = "HANG";
        } else {
            String code = fork.exitCode();
            headline = "the fork crashed (exit code " + code + ") while it ran seed " + hex + " of " + target.name();
            signature = "CRASH: " + (output.contains("OutOfMemoryError") ? "OutOfMemoryError" : "exit code " + code);
        }
        boolean givenUp = coldLoss(target, ended > 0);
        if (givenUp) {
            units.drop(target);
            headline += "; " + COLD_LOSSES + " forks in a row were lost on this test before any seed ended, so it"
                    + " gets no more seeds";
        }
        FuzzFailure failure = new FuzzFailure(target.name(), hex, hung ? "HANG" : "CRASH",
                target.strategyOf(seed, options.strategy()), signature, headline,
                FailureFolder.name(target.name(), hex), rerunCommand(target, seed));
        FailureFolder.write(options.out(), failure, headline + "\nthe fork's last output (" + fork.log() + "):\n"
                + output + (stacks.isEmpty() ? "" : "\n\nthe fork's threads when it was found hung:\n" + stacks));
        seedEnded(target, false, failure);
        covered(target, unit, ended + 1);
        units.retry(unit.after(ended + 1));
    }

    /**
     * The rerun command of a seed whose fork could not say its own: the build tool's, with the
     * strategy when {@code --strategy} set it and the test's own properties
     * ({@code @SimTest(rerunProperties)}), which the forks got from this JVM. A PCT seed's horizon
     * was the fork's estimate, which died with it; the report says so.
     */
    private String rerunCommand(FuzzTarget target, long seed) {
        List<String> properties = new ArrayList<>();
        if (options.strategy() != null) {
            properties.add("-Dheddle.strategy=" + options.strategy().name());
        }
        properties.addAll(RerunProperties.of(target.settings().rerunProperties()));
        int hash = target.name().indexOf('#');
        return BuildTool.running().rerunCommand(target.name().substring(0, hash), target.name().substring(hash + 1),
                seed, properties);
    }

    /**
     * Counts a fork lost on {@code target}, {@code progressed} when it finished some of its seeds
     * first; true at the {@value #COLD_LOSSES}-th loss in a row that had not.
     */
    private boolean coldLoss(FuzzTarget target, boolean progressed) {
        synchronized (coldLosses) {
            int losses = progressed ? 0 : coldLosses.getOrDefault(target, 0) + 1;
            coldLosses.put(target, losses);
            return losses == COLD_LOSSES;
        }
    }

    private void seedEnded(FuzzTarget target, boolean checkedTwice, FuzzFailure failure) {
        synchronized (tallies) {
            Tally t = tallies.get(target);
            if (failure == null || !failure.seed().isEmpty()) {
                t.seeds++;
            }
            if (checkedTwice) {
                t.checkedTwice++;
            }
            if (failure != null) {
                failures.add(failure);
            }
        }
        progress.seed(failure != null);
    }

    private void covered(FuzzTarget target, SeedUnit unit, long ended) {
        if (ended > 0) {
            synchronized (tallies) {
                tallies.get(target).ranges.add(new SeedRange(unit.first(), unit.first() + ended - 1));
            }
        }
    }

}
