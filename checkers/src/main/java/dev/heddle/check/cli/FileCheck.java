package dev.heddle.check.cli;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.SearchProgress;
import dev.heddle.check.Verdict;
import dev.heddle.check.io.HistoryFiles;
import dev.heddle.check.io.HistoryFormatException;
import dev.heddle.check.report.HtmlReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * One file's check, as {@link LinCommand} runs it on a pool thread: reads, parses and checks the
 * file and keeps the lines it would print, so that the command prints them in the files' order
 * whichever check ends first. The printed time runs from the task's start to the verdict: it
 * includes reading and parsing, and for the first files of a run class loading and JIT warm-up.
 */
final class FileCheck implements Callable<FileCheck.Outcome> {
    /** What the file printed, and its verdict, or {@code null} when the file was bad input. */
    record Outcome(String out, String err, Verdict verdict) {
    }

    private final Model<?> model;
    private final LinCommand.Budget budget;
    private final boolean explain;
    private final Path reportDir;
    private final String name;
    private final Path path;
    private final byte[] standardInput;
    private final int position;
    private final ProgressReporter reporter;

    /**
     * @param path          the file, or {@code null} for standard input, whose bytes are then
     *                      {@code standardInput} (read before the pool starts: it is one stream)
     * @param position      the file's place in the output
     * @param reporter      what says how far a long check has got, or {@code null} (with a --timeout)
     */
    FileCheck(Model<?> model, LinCommand.Budget budget, boolean explain, Path reportDir, String name, Path path,
              byte[] standardInput, int position, ProgressReporter reporter) {
        this.model = model;
        this.budget = budget;
        this.explain = explain;
        this.reportDir = reportDir;
        this.name = name;
        this.path = path;
        this.standardInput = standardInput;
        this.position = position;
        this.reporter = reporter;
    }

    @Override
    public Outcome call() {
        long start = System.nanoTime();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Verdict verdict = null;
        try {
            History history = path == null ? HistoryFiles.read(name, standardInput) : HistoryFiles.read(path);
            if (history.operations().isEmpty()) {
                err.println("heddle lin: " + name + ": warning: the history has no operations,"
                        + " so it is trivially linearizable");
            }
            LinearizabilityChecker<?> checker = LinearizabilityChecker.of(model);
            if (budget != null) {
                checker = checker.withTimeout(budget.duration());
            }
            // The printed time ends at the verdict: a fast path's verdict is explained step by
            // step only when --explain or --report asks, by a second check after it.
            SearchProgress progress = new SearchProgress();
            Runnable stopWatching = reporter == null ? () -> { }
                    : reporter.watch(position, name, history.size(), progress);
            CheckResult result;
            try {
                result = checker.withExplanationBudget(Duration.ZERO).check(history, progress);
            } finally {
                stopWatching.run();
            }
            long nanos = System.nanoTime() - start;
            out.println(name + " " + result.verdict() + " " + String.format(Locale.ROOT, "%.1f", nanos / 1e6) + " ms"
                    + (result.verdict() == Verdict.UNKNOWN ? unknownBecause(budget) : ""));
            if ((explain || reportDir != null) && lacksCounterexample(result)) {
                CheckResult explained = checker.check(history);
                if (explained.verdict() == Verdict.NOT_LINEARIZABLE) {
                    result = explained;
                }
            }
            if (explain && result.verdict() != Verdict.LINEARIZABLE) {
                out.print(result.describe().indent(2));
            }
            if (reportDir != null) {
                Path report = reportDir.resolve(Path.of(name).getFileName() + ".html");
                Files.writeString(report, HtmlReport.render(name, result));
                out.println("  report: " + report.toAbsolutePath());
            }
            verdict = result.verdict();
        } catch (NoSuchFileException e) {
            err.println("heddle lin: " + name + ": no such file");
        } catch (IOException e) {
            err.println("heddle lin: " + name + ": cannot read: " + e.getMessage());
        } catch (HistoryFormatException e) {
            err.println("heddle lin: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("heddle lin: " + name + ": " + e.getMessage());
        }
        return new Outcome(outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
                verdict);
    }

    /**
     * Why a verdict is unknown: the CLI's checks end early only when {@code --timeout} runs out (a
     * part cut short because another is illegal leaves the whole NOT_LINEARIZABLE).
     */
    private static String unknownBecause(LinCommand.Budget budget) {
        return budget == null ? "" : " (timed out: the --timeout budget of " + budget.text()
                + " ran out; a longer --timeout may decide it)";
    }

    /** Whether a part is illegal by a fast path's verdict, without the search's step-by-step counterexample. */
    private static boolean lacksCounterexample(CheckResult result) {
        return result.partitions().stream()
                .anyMatch(part -> part.verdict() == Verdict.NOT_LINEARIZABLE && part.counterexample() == null);
    }
}
