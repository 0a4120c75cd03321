package dev.heddle.junit.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.heddle.junit.internal.SweepObserver;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main of a fuzz fork: a JVM that the fuzz runner starts with the test classpath and feeds
 * ranges of seeds of one test at a time ({@link ForkMessage}). Each range is an ordinary
 * {@code @SimTest} sweep run through the JUnit Platform launcher, its seeds set by
 * {@code heddle.firstSeed}, {@code heddle.seeds} and {@code heddle.duration}; a failing seed ends
 * a sweep, so the fork writes its folder, reports it and starts the next sweep at the seed after.
 * The fork's standard output carries the protocol only: what the tests print goes to its
 * standard error, which the runner keeps in the fork's log.
 */
public final class FuzzFork {
    private final PrintStream protocol;
    private final Path out;
    /**
     * One launcher session for the fork's life: a launcher from {@code LauncherFactory.create()}
     * opens a session, and so looks up the engines and listeners again, for every range it runs,
     * which took as long as a 64-seed range of a small test.
     */
    private final Launcher launcher = LauncherFactory.openSession().getLauncher();
    private final ForkObserver observer;
    /** The signatures whose first failure this fork has shrunk. */
    private final Set<String> shrunkSignatures = new HashSet<>();

    private FuzzFork(PrintStream protocol, Path out, DeterminismSample determinism) {
        this.protocol = protocol;
        this.out = out;
        this.observer = new ForkObserver(determinism);
    }

    /** {@code OUT_DIR DETERMINISM_FRACTION}, as {@link ForkProcess} starts it. */
    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
        System.setOut(System.err);
        FuzzFork fork = new FuzzFork(protocol, Path.of(args[0]), new DeterminismSample(Double.parseDouble(args[1])));
        SweepObserver.install(fork.observer);
        fork.send(ForkMessage.of("ready"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            Optional<ForkMessage> command = ForkMessage.parse(line);
            if (command.isEmpty() || command.get().kind().equals("quit")) {
                break;
            }
            ForkMessage run = command.get();
            fork.run(run.field(0), run.field(1), run.number(2), run.number(3), run.number(4));
            fork.send(ForkMessage.of("done"));
        }
        System.exit(0);
    }

    private synchronized void send(ForkMessage message) {
        protocol.println(message.line());
    }

    /** Runs up to {@code count} seeds of the test from {@code first}, each failure a folder and a report. */
    private void run(String uniqueId, String test, long first, long count, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long next = first;
        long remaining = count;
        while (remaining > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (millis > 0 && left <= 0) {
                return;
            }
            System.setProperty("heddle.firstSeed", Simulation.hex(next));
            System.setProperty("heddle.seeds", Long.toString(remaining));
            System.setProperty("heddle.duration", millis > 0 ? left + "ms" : "");
            observer.passed = 0;
            FirstFailure failure = new FirstFailure();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectUniqueId(uniqueId)).build(),
                    failure);
            long ran = observer.passed;
            if (failure.thrown == null) {
                return;
            }
            if (ran == 0 && !(failure.thrown instanceof SimulationFailure)) {
                send(ForkMessage.of("broken", stackTrace(failure.thrown)));
                return;
            }
            long seed = next + ran;
            reportFailure(uniqueId, test, seed, failure.thrown);
            next = seed + 1;
            remaining -= ran + 1;
        }
    }

    private void reportFailure(String uniqueId, String test, long seed, Throwable thrown) {
        String hex = Simulation.hex(seed);
        String kind = thrown instanceof SimulationFailure f ? f.kind().name() : thrown.getClass().getSimpleName();
        String strategy = thrown instanceof SimulationFailure f && f.configuration() != null
                ? FuzzTarget.label(f.configuration()) : "";
        String rerun = thrown instanceof SimulationFailure f ? f.rerunCommand() : "";
        String report = stackTrace(thrown);
        String headline = report.lines().findFirst().orElse("");
        FuzzFailure failure = new FuzzFailure(test, hex, kind, strategy, FailureSignature.of(thrown), headline,
                FailureFolder.name(test, hex), rerun);
        Path folder = FailureFolder.write(out, failure, report);
        if (thrown instanceof SimulationFailure f) {
            FailureFolder.writeRun(folder, f);
            if (f.decisionLog().isPresent() && shrunkSignatures.add(failure.signature())) {
                shrink(uniqueId, folder);
            }
        }
        send(ForkMessage.of("failed", hex, kind, strategy, failure.signature(), headline, rerun));
    }

    /**
     * Shrinks the decision log in a failure's {@code folder} by replaying it with the test, as
     * {@code -Dheddle.replay} with {@code -Dheddle.shrink=true} does (the shrunk log lands beside
     * it), and keeps the shrunk run's report, which says what was removed, as {@code shrunk.txt}.
     * Once per signature and fork: 300 seeds of one bug need one shrunk log, not 300.
     */
    private void shrink(String uniqueId, Path folder) {
        System.setProperty("heddle.replay", folder.resolve(FailureFolder.DECISIONS).toString());
        System.setProperty("heddle.shrink", "true");
        FirstFailure shrunk = new FirstFailure();
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectUniqueId(uniqueId)).build(),
                    shrunk);
        } finally {
            System.clearProperty("heddle.replay");
            System.clearProperty("heddle.shrink");
        }
        if (shrunk.thrown != null) {
            try {
                Files.writeString(folder.resolve("shrunk.txt"), stackTrace(shrunk.thrown));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + folder.resolve("shrunk.txt").toAbsolutePath() + ": "
                        + e, e);
            }
        }
    }

    static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Counts the seeds that passed, reports each, and picks the seeds checked twice. */
    private final class ForkObserver extends SweepObserver {
        private final DeterminismSample determinism;
        private long passed;

        ForkObserver(DeterminismSample determinism) {
            this.determinism = determinism;
        }

        @Override
        public boolean checksDeterminism(long seed) {
            return determinism.covers(seed);
        }

        @Override
        public void passed(long seed, boolean checkedTwice, Map<String, Long> faultsFired) {
            passed++;
            send(ForkMessage.of("passed", Simulation.hex(seed), checkedTwice ? 1 : 0, FaultCounts.text(faultsFired)));
        }

        @Override
        public boolean judgesExpectations() {
            return false;
        }
    }

    /** What ended a sweep early: the first test or container that failed or was aborted. */
    private static final class FirstFailure implements TestExecutionListener {
        private Throwable thrown;

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (thrown == null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                thrown = result.getThrowable().orElseGet(() -> new AssertionError(test.getDisplayName() + " "
                        + result.getStatus().name().toLowerCase(Locale.ROOT)));
            }
        }
    }
}
