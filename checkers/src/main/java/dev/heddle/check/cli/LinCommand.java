package dev.heddle.check.cli;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Verdict;
import dev.heddle.check.io.HistoryFiles;
import dev.heddle.check.io.HistoryFormatException;
import dev.heddle.check.model.Models;
import dev.heddle.check.report.HtmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./heddle lin --model MODEL [--timeout D] [--explain] [--report DIR] FILE...}: checks
 * each history file and prints {@code PATH VERDICT MILLIS ms} per file. Exit code 0 when every
 * file is linearizable, 1 when any is not, otherwise 2 (a verdict unknown, a file unreadable, or
 * bad arguments).
 */
public final class LinCommand {
    static final int ALL_LINEARIZABLE = 0;
    static final int NOT_LINEARIZABLE = 1;
    static final int UNKNOWN_OR_BAD_INPUT = 2;

    /** What {@code ./heddle lin --help} prints; the {@code heddle} script prints the same (HeddleScriptTest). */
    static final String USAGE = """
            usage: ./heddle lin --model MODEL [--timeout D] [--explain] [--report DIR] FILE...
            Checks each history file and prints PATH VERDICT MILLIS ms per file.
              --model MODEL   one of: %s
              --timeout D     time budget per file, e.g. 500ms, 10s, 2m (default: none)
              --explain       after a file that is not linearizable, print why
              --report DIR    write an HTML report per file into DIR
              -h, --help      print this and exit
            Files may be JSON lines, Jepsen EDN maps or Jepsen log lines (see checkers/README.md).
            Exit code: 0 all linearizable, 1 any not linearizable, 2 unknown or bad input.
            """.formatted(String.join(", ", Models.names()));
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private LinCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command, printing results to {@code out} and problems to {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String modelName = null;
        Duration timeout = null;
        boolean explain = false;
        Path reportDir = null;
        List<String> files = new ArrayList<>();
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            out.print(USAGE);
            return ALL_LINEARIZABLE;
        }
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--model" -> modelName = argument(args, ++i, "--model");
                    case "--timeout" -> timeout = duration(argument(args, ++i, "--timeout"));
                    case "--explain" -> explain = true;
                    case "--report" -> reportDir = Path.of(argument(args, ++i, "--report"));
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'; the options are"
                                    + " --model MODEL, --timeout D, --explain, --report DIR, -h, --help");
                        }
                        files.add(args[i]);
                    }
                }
            }
            if (modelName == null) {
                throw new IllegalArgumentException("--model is required");
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no history files given");
            }
            Model<?> model = Models.byName(modelName);
            if (reportDir != null) {
                Files.createDirectories(reportDir);
            }
            return checkAll(model, timeout, explain, reportDir, files, out, err);
        } catch (IllegalArgumentException | IOException e) {
            err.println("heddle lin: " + e.getMessage());
            err.println("(./heddle lin --help shows the usage)");
            return UNKNOWN_OR_BAD_INPUT;
        }
    }

    private static int checkAll(Model<?> model, Duration timeout, boolean explain, Path reportDir,
                                List<String> files, PrintStream out, PrintStream err) {
        boolean anyIllegal = false;
        boolean anyUnsure = false;
        for (String file : files) {
            try {
                History history = HistoryFiles.read(Path.of(file));
                LinearizabilityChecker<?> checker = LinearizabilityChecker.of(model);
                if (timeout != null) {
                    checker = checker.withTimeout(timeout);
                }
                // The printed time is the verdict's alone: a fast path's verdict is explained
                // step by step only when --explain or --report asks, by a second check after it.
                CheckResult result = checker.withExplanationBudget(Duration.ZERO).check(history);
                out.println(file + " " + result.verdict() + " "
                        + String.format(Locale.ROOT, "%.1f", result.nanos() / 1e6) + " ms");
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
                    Path report = reportDir.resolve(Path.of(file).getFileName() + ".html");
                    Files.writeString(report, HtmlReport.render(file, result));
                }
                anyIllegal |= result.verdict() == Verdict.NOT_LINEARIZABLE;
                anyUnsure |= result.verdict() == Verdict.UNKNOWN;
            } catch (NoSuchFileException e) {
                err.println("heddle lin: " + file + ": no such file");
                anyUnsure = true;
            } catch (IOException e) {
                err.println("heddle lin: " + file + ": cannot read: " + e.getMessage());
                anyUnsure = true;
            } catch (HistoryFormatException e) {
                err.println("heddle lin: " + e.getMessage());
                anyUnsure = true;
            } catch (IllegalArgumentException e) {
                err.println("heddle lin: " + file + ": " + e.getMessage());
                anyUnsure = true;
            }
        }
        if (anyIllegal) {
            return NOT_LINEARIZABLE;
        }
        return anyUnsure ? UNKNOWN_OR_BAD_INPUT : ALL_LINEARIZABLE;
    }

    /** Whether a part is illegal by a fast path's verdict, without the search's step-by-step counterexample. */
    private static boolean lacksCounterexample(CheckResult result) {
        return result.partitions().stream()
                .anyMatch(part -> part.verdict() == Verdict.NOT_LINEARIZABLE && part.counterexample() == null);
    }

    private static String argument(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT10S}). */
    static Duration duration(String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text.strip());
        Duration duration;
        if (simple.matches()) {
            double amount = Double.parseDouble(simple.group(1));
            String unit = simple.group(2) == null ? "s" : simple.group(2);
            double millis = amount * switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1000;
            };
            duration = Duration.ofNanos((long) (millis * 1_000_000));
        } else {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--timeout '" + text + "' is not a duration; write e.g. 500ms, 10s, 2m or PT10S");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive, got '" + text + "'");
        }
        return duration;
    }
}
