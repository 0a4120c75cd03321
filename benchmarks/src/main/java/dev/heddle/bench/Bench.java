package dev.heddle.bench;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./heddle bench NAME}: runs the benchmark class named after NAME, {@code sim-switch}
 * running {@code SimSwitchBench}, {@code lin} running {@code LinBench}. Each benchmark prints
 * {@code key=value} lines, its headline ratio last. {@code ./heddle bench list} prints the
 * names, one a line.
 */
public final class Bench {
    /** Every benchmark {@code ./heddle bench} runs; a new benchmark class is added here and in the script's list. */
    static final List<String> NAMES = List.of("agent", "bugs", "bugs-small", "channels", "fuzz", "lin", "net",
            "runtime", "seeds", "sim-switch");

    /** What {@code ./heddle bench --help} prints; the {@code heddle} script prints the same (BenchTest). */
    static final String USAGE = """
            usage: ./heddle bench NAME [ARGS...]
            Runs one benchmark and prints key=value lines, the headline ratio last; ARGS go to the benchmark
            (each takes its own, described in its class in benchmarks/src/main/java/dev/heddle/bench).
              NAME          one of: %s; or list, which prints them one a line
              -h, --help    print this and exit
            Exit code: 0 the benchmark ran, 2 bad arguments.
            """.formatted(String.join(", ", NAMES));

    private Bench() {}

    public static void main(String[] args) throws Throwable {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs {@code ./heddle bench ARGS}: the usage, the list of names, or the benchmark itself, which
     * prints to {@link System#out}. Returns the exit code, 2 on bad arguments; what a benchmark throws
     * propagates.
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws Throwable {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        if (args.length == 0) {
            return usageError(err, "no benchmark named; NAME is one of: " + String.join(", ", NAMES));
        }
        if (args[0].equals("list")) {
            NAMES.forEach(out::println);
            return 0;
        }
        if (!NAMES.contains(args[0])) {
            return usageError(err, "no benchmark named '" + args[0] + "'; NAME is one of: " + String.join(", ", NAMES));
        }
        Method main = Class.forName(Bench.class.getPackageName() + "." + classNameOf(args[0]))
                .getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                // Benchmarks check their arguments before they run, and name the bad one.
                return usageError(err, args[0] + ": " + bad.getMessage());
            }
            throw e.getCause();
        }
        return 0;
    }

    /**
     * A benchmark's argument {@code what}, given as {@code text}: a whole number of at least 1.
     *
     * @throws IllegalArgumentException naming the argument and the text otherwise
     */
    static long positive(String what, String text) {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below, with the text
        }
        throw new IllegalArgumentException(what + " must be a whole number of at least 1, was '" + text + "'");
    }

    /** The value after option {@code args[i]}, or a usage error naming the option when there is none. */
    static String valueOf(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int usageError(PrintStream err, String message) {
        err.println("heddle bench: " + message);
        err.println("(./heddle bench --help shows the usage)");
        return 2;
    }

    /** {@code sim-switch} becomes {@code SimSwitchBench}. */
    static String classNameOf(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return sb.append("Bench").toString();
    }
}
