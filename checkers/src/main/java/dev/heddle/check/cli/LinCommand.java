package dev.heddle.check.cli;

import dev.heddle.check.Model;
import dev.heddle.check.Verdict;
import dev.heddle.check.io.HistoryDirectory;
import dev.heddle.check.model.Models;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./heddle lin --model MODEL [--timeout D] [--explain] [--report DIR] FILE...}: checks
 * each history file ({@code -} for standard input; a directory for its history files, sorted by
 * path) and prints {@code PATH VERDICT MILLIS ms} per file, in that order. The files are checked in
 * one JVM, in parallel, so that a directory of histories pays for JVM start-up once. Bad input of
 * any kind exits with 2 and one line per problem, whatever the other files' verdicts: a verdict on
 * the files that could be read would hide the one that could not. Missing files and directories
 * without histories are looked for before any check, so that a mistyped name fails at once;
 * otherwise exit code 1 when any file is not linearizable, 2 when any is unknown, 0 when all are
 * linearizable.
 */
public final class LinCommand {
    static final int ALL_LINEARIZABLE = 0;
    static final int NOT_LINEARIZABLE = 1;
    static final int UNKNOWN_OR_BAD_INPUT = 2;

    /** What {@code ./heddle lin --help} prints; the {@code heddle} script prints the same (HeddleScriptTest). */
    static final String USAGE = """
            usage: ./heddle lin --model MODEL [--timeout D] [--explain] [--report DIR] FILE...
            Checks each history file and prints PATH VERDICT MILLIS ms per file, in order. Files are checked
            in parallel; a FILE that is a directory means its .jsonl, .json, .edn, .log and .txt files, by path.
              --model MODEL   one of: %s
              --timeout D     time budget per file, e.g. 500ms, 10s, 2m (default: none)
                              without one, a check still running after 2 s says how far it got on
                              stderr, then every 5 s
              --explain       after a file that is not linearizable, print why
              --report DIR    write an HTML report per file into DIR
              -h, --help      print this and exit
            Files may be JSON lines, Jepsen EDN maps or Jepsen log lines (see checkers/README.md).
            A FILE of - reads standard input; relative paths are read from the current folder.
            Exit code: 2 any bad input (checking nothing when a file is missing or a directory has no histories);
            else 1 any not linearizable; else 2 any unknown; else 0.
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
        return run(args, in, out, err, ProgressReporter.Schedule.DEFAULT);
    }

    /** {@link #run(String[], InputStream, PrintStream, PrintStream)}, progress lines on {@code progress}'s schedule. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                   ProgressReporter.Schedule progress) {
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
            List<Input> inputs = inputs(files, err);
            if (inputs == null) {
                return UNKNOWN_OR_BAD_INPUT;
            }
            if (reportDir != null) {
                Files.createDirectories(reportDir);
            }
            Budget budget = timeout == null ? null : new Budget(timeout, timeoutText);
            return checkAll(model, budget, explain, reportDir, inputs, in, out, err, progress);
        } catch (IllegalArgumentException | IOException e) {
            err.println("heddle lin: " + e.getMessage());
            err.println("(./heddle lin --help shows the usage)");
            return UNKNOWN_OR_BAD_INPUT;
        }
    }

    /** A {@code --timeout}: the duration, and the text it was given as, to quote in an UNKNOWN line. */
    record Budget(Duration duration, String text) {
    }

    /** A file to check: the name it is printed as, and its path, {@code null} for standard input. */
    private record Input(String name, Path path) {
    }

    /**
     * The files to check, in the arguments' order, a directory replaced by its history files
     * sorted by path; or {@code null} after saying on {@code err}, in the arguments' order, which
     * FILEs do not exist (for a relative name, in which folder it was looked for) and which
     * directories hold no history files: a mistyped name fails at once, and nothing is checked.
     * The {@code heddle} script makes the same checks, in the same words, before it builds
     * anything (HeddleScriptTest).
     */
    private static List<Input> inputs(List<String> files, PrintStream err) throws IOException {
        List<Input> inputs = new ArrayList<>();
        boolean all = true;
        for (String file : files) {
            if (file.equals(STANDARD_INPUT)) {
                inputs.add(new Input(STANDARD_INPUT_NAME, null));
                continue;
            }
            Path path = Path.of(file);
            if (!Files.exists(path)) {
                err.println("heddle lin: " + file + ": no such file"
                        + (path.isAbsolute() ? "" : " (looked in " + Path.of("").toAbsolutePath() + ")"));
                all = false;
                continue;
            }
            if (!Files.isDirectory(path)) {
                inputs.add(new Input(file, path));
                continue;
            }
            List<Path> histories = HistoryDirectory.historyFiles(path);
            if (histories.isEmpty()) {
                err.println("heddle lin: " + file + ": no history files in this directory (looked for "
                        + String.join(", ", HistoryDirectory.EXTENSIONS) + ")");
                all = false;
            }
            for (Path history : histories) {
                inputs.add(new Input(history.toString(), history));
            }
        }
        return all ? inputs : null;
    }

    /**
     * Checks the files in parallel, as many at a time as there are cores (each check may also
     * search its partitions in parallel), and prints each file's lines once the files before it
     * are printed.
     */
    private static int checkAll(Model<?> model, Budget budget, boolean explain, Path reportDir,
                                List<Input> inputs, InputStream in, PrintStream out, PrintStream err,
                                ProgressReporter.Schedule progress) throws IOException {
        byte[] standardInput = inputs.stream().anyMatch(input -> input.path() == null) ? in.readAllBytes() : null;
        int threads = Math.min(inputs.size(), Runtime.getRuntime().availableProcessors());
        List<Future<FileCheck.Outcome>> outcomes = new ArrayList<>();
        boolean anyIllegal = false;
        boolean anyUnsure = false;
        boolean anyBadInput = false;
        // With a --timeout every check ends in time, so only checks without one say how far they got.
        try (ProgressReporter reporter = budget == null ? new ProgressReporter(err, progress, System::nanoTime) : null;
             ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                     .name("heddle-lin-", 1).factory())) {
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                outcomes.add(pool.submit(new FileCheck(model, budget, explain, reportDir, input.name(), input.path(),
                        standardInput, i, reporter)));
            }
            for (Future<FileCheck.Outcome> future : outcomes) {
                FileCheck.Outcome outcome = future.get();
                out.print(outcome.out());
                err.print(outcome.err());
                anyBadInput |= outcome.verdict() == null;
                anyIllegal |= outcome.verdict() == Verdict.NOT_LINEARIZABLE;
                anyUnsure |= outcome.verdict() == Verdict.UNKNOWN;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a check failed: " + e.getCause(), e.getCause());
        }
        if (anyBadInput) {
            return UNKNOWN_OR_BAD_INPUT;
        }
        if (anyIllegal) {
            return NOT_LINEARIZABLE;
        }
        return anyUnsure ? UNKNOWN_OR_BAD_INPUT : ALL_LINEARIZABLE;
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
