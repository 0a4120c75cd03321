package dev.heddle.junit.fuzz;

import dev.heddle.junit.internal.DurationText;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The arguments of one fuzz run, checked before any fork starts: each mistake is one {@link UsageError}.
 *
 * @param tests      the test classes and methods ({@code com.example.CounterTest} or {@code …CounterTest#method})
 * @param seeds      seeds per test method, 0 when {@code duration} bounds the run instead
 * @param duration   the wall time to spend, or null when {@code seeds} bounds the run
 * @param strategy   the strategy every seed runs, or null for each test's own ({@code @SimTest(strategy)})
 * @param hangAfter  how long a fork may go without finishing a seed before it counts as hung and is killed
 * @param canary     whether the built-in {@link FuzzCanary}, which must fail, runs too
 */
record FuzzOptions(List<String> tests, long seeds, Duration duration, int jobs, ShardSlice shard, Strategy strategy,
                   Path out, long firstSeed, Duration hangAfter, DeterminismSample determinism, boolean canary) {
    static final Path DEFAULT_OUT = Path.of("target", "heddle-fuzz");
    static final Duration DEFAULT_HANG_AFTER = Duration.ofMinutes(5);
    private static final Pattern TEST = Pattern.compile(
            "\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}.$]*(#\\p{javaJavaIdentifierPart}+)?");
    private static final String OPTIONS = "--tests, --seeds, --duration, --jobs, --shard, --strategy, --out,"
            + " --first-seed, --hang-after, --determinism-sample, --canary, -h, --help";

    static FuzzOptions parse(List<String> args) throws UsageError {
        List<String> tests = new ArrayList<>();
        String seeds = null;
        String duration = null;
        int jobs = Runtime.getRuntime().availableProcessors();
        ShardSlice shard = ShardSlice.WHOLE;
        Strategy strategy = null;
        Path out = DEFAULT_OUT;
        String firstSeed = null;
        Duration hangAfter = DEFAULT_HANG_AFTER;
        DeterminismSample determinism = DeterminismSample.DEFAULT;
        boolean canary = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--canary")) {
                canary = true;
                continue;
            }
            if (!option.startsWith("-")) {
                throw new UsageError("unexpected argument '" + option + "'; name tests with --tests CLASS[#METHOD]");
            }
            if (!List.of("--tests", "--seeds", "--duration", "--jobs", "--shard", "--strategy", "--out",
                    "--first-seed", "--hang-after", "--determinism-sample").contains(option)) {
                throw new UsageError("unknown option '" + option + "'; the options are " + OPTIONS);
            }
            if (i + 1 == args.size() || args.get(i + 1).isBlank()) {
                throw new UsageError(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--tests" -> {
                    for (String test : value.split(",")) {
                        tests.add(test(test.strip()));
                    }
                }
                case "--seeds" -> seeds = value;
                case "--duration" -> duration = value;
                case "--jobs" -> jobs = (int) whole(option, value, 1, 1024);
                case "--shard" -> shard = ShardSlice.parse(value);
                case "--strategy" -> strategy = strategy(value);
                case "--out" -> out = Path.of(value);
                case "--first-seed" -> firstSeed = value;
                case "--hang-after" -> hangAfter = duration(option, value);
                default -> determinism = DeterminismSample.parse(value);
            }
        }
        if (tests.isEmpty() && !canary) {
            throw new UsageError("no tests named; give --tests CLASS[#METHOD] (a class's full name), or --canary");
        }
        if ((seeds == null) == (duration == null)) {
            throw new UsageError(seeds == null ? "say how long to fuzz: --seeds N (per test method) or --duration D"
                    : "give --seeds or --duration, not both");
        }
        long seedCount = seeds == null ? 0 : whole("--seeds", seeds, 1, Long.MAX_VALUE);
        return new FuzzOptions(List.copyOf(tests), seedCount, duration == null ? null : duration("--duration", duration),
                jobs, shard, strategy, out, firstSeed(firstSeed, shard), hangAfter, determinism, canary);
    }

    /** {@code CLASS} or {@code CLASS#METHOD}, checked for shape; whether the class exists is discovery's to say. */
    private static String test(String text) throws UsageError {
        if (!TEST.matcher(text).matches()) {
            throw new UsageError("--tests takes CLASS or CLASS#METHOD, a class's full name (com.example.CounterTest),"
                    + " was '" + text + "'");
        }
        return text;
    }

    private static Strategy strategy(String text) throws UsageError {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "random" -> Strategy.RANDOM;
            case "pct" -> Strategy.PCT;
            case "portfolio" -> Strategy.PORTFOLIO;
            default -> throw new UsageError("--strategy must be random, pct or portfolio, was '" + text + "'");
        };
    }

    private static long firstSeed(String text, ShardSlice shard) throws UsageError {
        if (text == null) {
            return 0;
        }
        if (text.equalsIgnoreCase("random")) {
            if (shard.count() > 1) {
                throw new UsageError("--first-seed random would give each shard seeds of its own; give every shard"
                        + " the same --first-seed (the CI run's number, say)");
            }
            return new SecureRandom().nextLong();
        }
        try {
            return Simulation.parseSeed(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--first-seed must be a seed (42, 0x2a) or random, was '" + text + "'");
        }
    }

    private static long whole(String option, String text, long min, long max) throws UsageError {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below, with the value
        }
        throw new UsageError(option + " must be a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max) + ", was '" + text + "'");
    }

    /** The {@link DurationText duration} {@code text} writes, above zero. */
    private static Duration duration(String option, String text) throws UsageError {
        Duration d = DurationText.parse(text).orElse(Duration.ZERO);
        if (d.isNegative() || d.isZero()) {
            throw new UsageError(option + " must be a duration above zero such as " + DurationText.EXAMPLES + ", was '"
                    + text + "'");
        }
        return d;
    }
}
