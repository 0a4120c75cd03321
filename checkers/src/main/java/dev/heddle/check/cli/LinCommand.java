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
import java.io.InputStream;
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
 * each history file ({@code -} for standard input) and prints {@code PATH VERDICT MILLIS ms} per
 * file. Bad input of any kind exits with 2 and one line per problem, whatever the other files'
 * verdicts: a verdict on the files that could be read would hide the one that could not. Missing
 * files are looked for before any check, so that a mistyped name fails at once; otherwise exit
 * code 1 when any file is not linearizable, 2 when any is unknown, 0 when all are linearizable.
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
            A FILE of - reads standard input; relative paths are read from the current folder.
            Exit code: 2 any bad input (checking nothing when a file is missing); else 1 any not linearizable;
            else 2 any unknown; else 0.
            """.formatted(String.join(", ", Models.names()));
    /** The FILE that means standard input, and the name it goes by in output and errors. */
    private static final String STANDARD_INPUT = "-";
    private static final String STANDARD_INPUT_NAME = "stdin";
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private LinCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** {@link #run(String[], InputStream, PrintStream, PrintStream)} with nothing on standard input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /**
     * Runs the command, reading a FILE of {@code -} from {@code in}, printing results to {@code out}
     * and problems to {@code err}; returns the exit code.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String modelName = null;
        String timeoutText = null;
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
                    case "--timeout" -> {
                        timeoutText = argument(args, ++i, "--timeout");
                        timeout = duration(timeoutText);
                    }
                    case "--explain" -> explain = true;
                    case "--report" -> reportDir = Path.of(argument(args, ++i, "--report"));
                    default -> {
                        if (args[i].startsWith("-") && !args[i].equals(STANDARD_INPUT)) {
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
            if (files.indexOf(STANDARD_INPUT) != files.lastIndexOf(STANDARD_INPUT)) {
                throw new IllegalArgumentException("- (standard input) is given twice; it can be read once");
            }
            Model<?> model = Models.byName(modelName);
            if (!allExist(files, err)) {
                return UNKNOWN_OR_BAD_INPUT;
            }
            if (reportDir != null) {
                Files.createDirectories(reportDir);
            }
            Budget budget = timeout == null ? null : new Budget(timeout, timeoutText);
            return checkAll(model, budget, explain, reportDir, files, in, out, err);
        } catch (IllegalArgumentException | IOException e) {
            err.println("heddle lin: " + e.getMessage());
            err.println("(./heddle lin --help shows the usage)");
            return UNKNOWN_OR_BAD_INPUT;
        }
    }

    /** A {@code --timeout}: the duration, and the text it was given as, to quote in an UNKNOWN line. */
    private record Budget(Duration duration, String text) {
    }

    /**
     * Whether every FILE but {@code -} exists, saying on {@code err} which do not and, for a
     * relative name, in which folder it was looked for. The {@code heddle} script makes the same
     * check, in the same words, before it builds anything (HeddleScriptTest).
     */
    private static boolean allExist(List<String> files, PrintStream err) {
        boolean all = true;
        for (String file : files) {
            Path path = Path.of(file);
            if (!file.equals(STANDARD_INPUT) && !Files.exists(path)) {
                err.println("heddle lin: " + file + ": no such file"
                        + (path.isAbsolute() ? "" : " (looked in " + Path.of("").toAbsolutePath() + ")"));
                all = false;
            }
        }
        return all;
    }

    private static int checkAll(Model<?> model, Budget budget, boolean explain, Path reportDir,
                                List<String> files, InputStream in, PrintStream out, PrintStream err) {
        boolean anyIllegal = false;
        boolean anyUnsure = false;
        boolean anyBadInput = false;
        for (String file : files) {
            String name = file.equals(STANDARD_INPUT) ? STANDARD_INPUT_NAME : file;
            try {
                History history = file.equals(STANDARD_INPUT)
                        ? HistoryFiles.read(STANDARD_INPUT_NAME, in.readAllBytes())
                        : HistoryFiles.read(Path.of(file));
                if (history.operations().isEmpty()) {
                    err.println("heddle lin: " + name + ": warning: the history has no operations,"
                            + " so it is trivially linearizable");
                }
                LinearizabilityChecker<?> checker = LinearizabilityChecker.of(model);
                if (budget != null) {
                    checker = checker.withTimeout(budget.duration());
                }
                // The printed time is the verdict's alone: a fast path's verdict is explained
                // step by step only when --explain or --report asks, by a second check after it.
                CheckResult result = checker.withExplanationBudget(Duration.ZERO).check(history);
                out.println(name + " " + result.verdict() + " "
                        + String.format(Locale.ROOT, "%.1f", result.nanos() / 1e6) + " ms"
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
                anyIllegal |= result.verdict() == Verdict.NOT_LINEARIZABLE;
                anyUnsure |= result.verdict() == Verdict.UNKNOWN;
            } catch (NoSuchFileException e) {
                err.println("heddle lin: " + name + ": no such file");
                anyBadInput = true;
            } catch (IOException e) {
                err.println("heddle lin: " + name + ": cannot read: " + e.getMessage());
                anyBadInput = true;
            } catch (HistoryFormatException e) {
                err.println("heddle lin: " + e.getMessage());
                anyBadInput = true;
            } catch (IllegalArgumentException e) {
                err.println("heddle lin: " + name + ": " + e.getMessage());
                anyBadInput = true;
            }
        }
        if (anyBadInput) {
            return UNKNOWN_OR_BAD_INPUT;
        }
        if (anyIllegal) {
            return NOT_LINEARIZABLE;
        }
        return anyUnsure ? UNKNOWN_OR_BAD_INPUT : ALL_LINEARIZABLE;
    }

    /**
     * Why a verdict is unknown: the CLI's checks end early only when {@code --timeout} runs out (a
     * part cut short because another is illegal leaves the whole NOT_LINEARIZABLE).
     */
    private static String unknownBecause(Budget budget) {
        return budget == null ? "" : " (timed out: the --timeout budget of " + budget.text()
                + " ran out; a longer --timeout may decide it)";
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
