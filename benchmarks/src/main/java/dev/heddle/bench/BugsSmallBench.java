package dev.heddle.bench;

import dev.heddle.bench.bugs.BugCorpus;
import dev.heddle.bench.bugs.BugProgram;
import dev.heddle.bench.bugs.Configuration;
import dev.heddle.bench.bugs.Finding;
import dev.heddle.bench.bugs.SeedSweep;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./heddle bench bugs-small}: how soon each {@link Configuration} finds the bug of each
 * small buggy program of the {@link BugCorpus} (lost updates, check-then-act, deadlocks of two
 * and three locks, lost wake-ups, a wait under {@code if}, two atomics, publication before
 * initialization, a task starved for 50 steps). For each program and configuration it runs
 * seeds 0, 1, 2, ... and records the first failing seed; a program needing a feature the
 * configuration lacks is printed as {@code needs-FEATURE}, not counted as missed.
 *
 * <p>Prints one {@code row=} line per program (its kind, the steps of one passing run, which
 * the {@code -measured} PCT configurations use as their horizon, and the first failing seed
 * under each configuration, {@code none} when no seed within the bound failed, and
 * {@code SEED:KIND} when the run failed otherwise than the program's symptom, say a deadlock
 * read as a foreign wake-up), a table of the same, one {@code config=} line per configuration
 * with the number of programs it found (and of those, how many failed as another kind than
 * their symptom), missed, and could not run for want of a feature, and the seeds it ran to find
 * those it found ({@code seeds_to_find=}, the first failing seed plus one, summed); last the best
 * configuration (most found, then fewest seeds to find them) and its count against RANDOM's
 * ({@code found_best_vs_random=}). Failing seeds stop a program's sweep, so the whole run takes
 * seconds.
 *
 * <p>Arguments: {@code --seeds N}, the most seeds per program and configuration (default 1000).
 */
public final class BugsSmallBench {
    private static final int DEFAULT_SEEDS = 1_000;

    private BugsSmallBench() {}

    public static void main(String[] args) {
        long seeds = DEFAULT_SEEDS;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seeds")) {
                seeds = Bench.positive("--seeds", Bench.valueOf(args, i++));
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; bugs-small accepts --seeds N");
            }
        }
        run(seeds, System.out);
    }

    /** Runs the benchmark over at most {@code seeds} seeds per program and configuration, printing to {@code out}. */
    static void run(long seeds, PrintStream out) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, was " + seeds);
        }
        long start = System.nanoTime();
        List<Configuration> configurations = Configuration.benchmarked();
        List<BugProgram> programs = BugCorpus.programs();
        out.printf("seeds=%d%n", seeds);
        out.printf("programs=%d%n", programs.size());
        out.println("configurations=" + String.join(",", configurations.stream().map(Configuration::name).toList()));
        if (!Configuration.agentLoaded()) {
            out.println("agent=not-loaded (the agent's configurations are left out; ./heddle bench bugs-small starts it)");
        }
        List<Row> rows = new ArrayList<>();
        for (BugProgram program : programs) {
            long steps = SeedSweep.measuredSteps(program);
            Map<Configuration, Finding> findings = new LinkedHashMap<>();
            for (Configuration configuration : configurations) {
                findings.put(configuration, SeedSweep.firstFailure(program, configuration, steps, seeds));
            }
            Row row = new Row(program, steps, findings);
            rows.add(row);
            out.println(row.line());
        }
        out.println();
        out.print(table(rows, configurations, seeds));
        out.println();
        Configuration best = configurations.getFirst();
        for (Configuration configuration : configurations) {
            out.printf("config=%s found=%d found_as_other_kind=%d missed=%d needs=%d seeds_to_find=%d%n",
                    configuration.name(), count(rows, configuration, Finding.Found.class), misread(rows, configuration),
                    count(rows, configuration, Finding.NotFound.class), count(rows, configuration, Finding.Needs.class),
                    seedsToFind(rows, configuration));
            long found = count(rows, configuration, Finding.Found.class);
            long bestFound = count(rows, best, Finding.Found.class);
            if (found > bestFound || found == bestFound && seedsToFind(rows, configuration) < seedsToFind(rows, best)) {
                best = configuration;
            }
        }
        out.printf(Locale.ROOT, "wall_seconds=%.1f%n", (System.nanoTime() - start) / 1e9);
        out.println("best=" + best.name());
        out.printf("found_best_vs_random=%d/%d%n", count(rows, best, Finding.Found.class),
                count(rows, configurations.getFirst(), Finding.Found.class));
    }

    /** One program's findings under every configuration. */
    private record Row(BugProgram program, long steps, Map<Configuration, Finding> findings) {
        String line() {
            StringBuilder sb = new StringBuilder("row=").append(program.name())
                    .append(" kind=").append(program.kind().label().replace(' ', '-'))
                    .append(" steps=").append(steps);
            findings.forEach((configuration, finding) ->
                    sb.append(' ').append(configuration.name()).append('=').append(finding.value()));
            return sb.toString();
        }
    }

    private static long count(List<Row> rows, Configuration configuration, Class<? extends Finding> outcome) {
        return rows.stream().filter(r -> outcome.isInstance(r.findings().get(configuration))).count();
    }

    /** The seeds {@code configuration} ran to find the programs it found, in all: the tie-break of equal counts. */
    private static long seedsToFind(List<Row> rows, Configuration configuration) {
        return rows.stream()
                .mapToLong(r -> r.findings().get(configuration) instanceof Finding.Found f ? f.seed() + 1 : 0)
                .sum();
    }

    /** The programs found under {@code configuration} whose run failed otherwise than their symptom. */
    private static long misread(List<Row> rows, Configuration configuration) {
        return rows.stream().filter(r -> r.findings().get(configuration) instanceof Finding.Found f
                && f.kind() != f.symptom()).count();
    }

    /** The rows as a table: per configuration the first failing seed, {@code -} if none, or what the program needs. */
    private static String table(List<Row> rows, List<Configuration> configurations, long seeds) {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("program", "kind", "steps"));
        configurations.forEach(c -> header.add(c.name()));
        cells.add(header);
        for (Row row : rows) {
            List<String> line = new ArrayList<>(List.of(row.program().name(), row.program().kind().label(),
                    Long.toString(row.steps())));
            configurations.forEach(c -> line.add(cell(row.findings().get(c))));
            cells.add(line);
        }
        List<String> footer = new ArrayList<>(List.of("found within " + seeds + " seeds", "", ""));
        configurations.forEach(c -> footer.add(count(rows, c, Finding.Found.class) + "/" + rows.size()));
        cells.add(footer);
        int[] widths = new int[header.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                String format = i < 2 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                sb.append(i == 0 ? "" : "  ").append(String.format(format, line.get(i)));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String cell(Finding finding) {
        return switch (finding) {
            case Finding.Found found -> found.kind() == found.symptom() ? Long.toString(found.seed())
                    : found.seed() + " as " + found.kind();
            case Finding.NotFound notFound -> "-";
            case Finding.Needs needs -> "needs " + needs.value().substring("needs-".length());
        };
    }
}
