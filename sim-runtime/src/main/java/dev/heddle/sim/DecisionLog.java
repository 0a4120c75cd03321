package dev.heddle.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every decision one run made, in order: which task ran whenever more than one was ready, and
 * each value drawn from the seed's streams (the user's randomness, select, logical workers,
 * the network, buggify, hosts' clocks, swarm profiles, spurious wake-ups), each with the kind
 * and bound of the draw. {@link Simulation#replay} runs it again decision for decision, also
 * after the code under test changed: each stream keeps its own place in the log, a scheduling
 * decision names the task that ran by its identity ({@link TaskKeys}) rather than its place
 * among the ready tasks, an entry whose draw the code no longer makes is skipped, and a draw or
 * task choice the log does not have falls back to the seed ({@link #fallsBackToSeed()}) or,
 * in a shrunk log, to the simplest choice. {@link DecisionLogShrinker} shrinks a failing log.
 *
 * <p>A failed run's log is {@link SimulationFailure#decisionLog()}; {@link #write} and
 * {@link #read} keep it in a text file, one decision a line, that {@code ./heddle replay FILE}
 * and {@code @SimTest(replay = "FILE")} run again:
 * <pre>{@code
 * heddle decision log 1
 * seed 0x2a
 * fallback seed
 * run steps 83 switches 12 time-ns 0 faults 0
 * property test dev.example.CounterTest#incrementsAreNotLost
 * stream 0 schedule
 * stream 1 user
 * task 1 5d1c0a9e33f07b21 main#1
 * task 2 a0e4b7c2de1f9a35 task#2
 * 0 t 3 2          <- stream 0, the task that ran: among 3 ready, task 2 of the table
 * 1 I 10 7         <- stream 1, nextInt(10) drew 7
 * }</pre>
 */
public final class DecisionLog {
    private static final String MAGIC = "heddle decision log 1";

    /** What the run that made a log did, in the numbers a shrink reduces. */
    record RunFacts(long steps, long contextSwitches, long virtualNanos, long faultsFired) {
        static final RunFacts NONE = new RunFacts(0, 0, 0, 0);

        RunFacts withContextSwitches(long switches) {
            return new RunFacts(steps, switches, virtualNanos, faultsFired);
        }
    }

    private final long seed;
    private final List<String> streams;
    /** Task key to name, in the order the recording run spawned them. */
    private final Map<Long, String> tasks;
    private final long[] entries;
    private final int size;
    private final boolean fallsBackToSeed;
    private final RunFacts facts;
    private final Map<String, String> properties;

    DecisionLog(long seed, List<String> streams, Map<Long, String> tasks, long[] entries, int size,
                boolean fallsBackToSeed, RunFacts facts, Map<String, String> properties) {
        this.seed = seed;
        this.streams = List.copyOf(streams);
        this.tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        this.entries = entries;
        this.size = size;
        this.fallsBackToSeed = fallsBackToSeed;
        this.facts = facts;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The seed of the run the log was recorded from; a replay runs with it. */
    public long seed() {
        return seed;
    }

    /** How many decisions the log holds. */
    public int size() {
        return size;
    }

    /**
     * Whether a decision the log does not hold comes from the seed (a recorded log) or is the
     * simplest one (a shrunk log: the task that ran last goes on, a draw takes its smallest value
     * and a fault does not fire).
     */
    public boolean fallsBackToSeed() {
        return fallsBackToSeed;
    }

    /** The steps of the run the log was recorded from, up to its failure. */
    public long steps() {
        return facts.steps();
    }

    /** How often that run set aside a task that was still ready to run another (preemptions). */
    public long contextSwitches() {
        return facts.contextSwitches();
    }

    /** The virtual time that run covered, in nanoseconds. */
    public long virtualNanos() {
        return facts.virtualNanos();
    }

    /** How many faults fired in that run. */
    public long faultsFired() {
        return facts.faultsFired();
    }

    /** How many decisions each stream has, by name ({@code schedule}, {@code user}, ...), streams without any left out. */
    public Map<String, Integer> decisionsByStream() {
        int[] counts = new int[streams.size()];
        for (int i = 0; i < size; i++) {
            counts[stream(i)]++;
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                byName.put(streams.get(s), counts[s]);
            }
        }
        return byName;
    }

    /** A note kept with the log, such as the test it came from ({@code test}) or the program ({@code program}). */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** This log with the note {@code name} set to {@code value} (one line, no line breaks). */
    public DecisionLog withProperty(String name, String value) {
        if (!name.matches("[A-Za-z][\\w.-]*") || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("a decision log's property needs a name of letters, digits, '.' and"
                    + " '-' and a value of one line, was '" + name + "' = '" + value + "'");
        }
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put(name, value);
        return new DecisionLog(seed, streams, tasks, entries, size, fallsBackToSeed, facts, p);
    }

    /**
     * The simulation to replay the log with: its seed, and the strategy, PCT settings, logical
     * workers and spurious wake-ups of the run it came from (other settings are the caller's).
     */
    public Simulation simulation() {
        return withRunSettings(Simulation.ofSeed(seed));
    }

    /**
     * {@code s}, a simulation of the log's seed with the caller's settings, with the strategy, PCT
     * settings, logical workers and spurious wake-ups of the run the log came from.
     */
    public Simulation withRunSettings(Simulation s) {
        property("strategy").ifPresent(v -> s.strategy(Strategy.valueOf(v)));
        property("pctDepth").ifPresent(v -> s.pctDepth(Integer.parseInt(v)));
        property("pctHorizon").ifPresent(v -> s.pctHorizon(Long.parseLong(v)));
        property("workers").filter(v -> !v.equals("0")).ifPresent(v -> s.workers(Integer.parseInt(v)));
        property("spuriousWakeups").ifPresent(v -> s.spuriousWakeups(Boolean.parseBoolean(v)));
        return s;
    }

    /** This log with the settings {@link #simulation()} reads, from the run's configuration. */
    DecisionLog withRun(RunConfiguration run) {
        return withProperty("strategy", run.strategy().name())
                .withProperty("pctDepth", Integer.toString(run.pctDepth()))
                .withProperty("pctHorizon", Long.toString(run.pctHorizon()))
                .withProperty("workers", Integer.toString(run.workers()))
                .withProperty("spuriousWakeups", Boolean.toString(run.spuriousWakeups()));
    }

    /** One line: the seed, the decisions by stream and the run's numbers. */
    @Override
    public String toString() {
        return "decision log of seed " + Simulation.hex(seed) + ": " + size + " decisions " + decisionsByStream()
                + ", " + contextSwitches() + " context switches, " + steps() + " steps, " + virtualNanos() / 1_000_000
                + " ms of virtual time, " + faultsFired() + " faults";
    }

    // ---- the file ----

    /** Writes the log to {@code file}, making its folder if needed; the text {@link #read} reads back. */
    public void write(Path file) {
        StringBuilder sb = new StringBuilder(64 + 16 * size);
        sb.append(MAGIC).append('\n');
        sb.append("seed ").append(Simulation.hex(seed)).append('\n');
        sb.append("fallback ").append(fallsBackToSeed ? "seed" : "simplest").append('\n');
        sb.append("run steps ").append(facts.steps()).append(" switches ").append(facts.contextSwitches())
                .append(" time-ns ").append(facts.virtualNanos()).append(" faults ").append(facts.faultsFired())
                .append('\n');
        properties.forEach((k, v) -> sb.append("property ").append(k).append(' ').append(v).append('\n'));
        for (int s = 0; s < streams.size(); s++) {
            sb.append("stream ").append(s).append(' ').append(streams.get(s)).append('\n');
        }
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        for (Map.Entry<Long, String> t : tasks.entrySet()) {
            numbers.put(t.getKey(), numbers.size() + 1);
            sb.append("task ").append(numbers.size()).append(' ').append(Long.toHexString(t.getKey())).append(' ')
                    .append(t.getValue()).append('\n');
        }
        for (int i = 0; i < size; i++) {
            DrawKind kind = kind(i);
            sb.append(stream(i)).append(' ').append(kind.letter);
            switch (kind) {
                case TASK -> sb.append(' ').append(bound(i)).append(' ').append(numbers.getOrDefault(value(i), 0));
                case LONG, INT -> sb.append(' ').append(value(i));
                case DOUBLE -> sb.append(' ').append(Double.longBitsToDouble(value(i)));
                default -> sb.append(' ').append(bound(i)).append(' ').append(value(i));
            }
            sb.append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decision log " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    /**
     * Reads a log that {@link #write} wrote.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line when it is not a decision log
     */
    public static DecisionLog read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decision log " + file.toAbsolutePath() + ": " + e, e);
        }
        if (lines.isEmpty() || !lines.getFirst().equals(MAGIC)) {
            throw new IllegalArgumentException(file + " is not a decision log: its first line must be '" + MAGIC
                    + "' (a file written by a failed @SimTest or DecisionLog.write)");
        }
        long seed = 0;
        boolean seedGiven = false;
        boolean fallbackSeed = true;
        RunFacts facts = RunFacts.NONE;
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> streams = new ArrayList<>();
        Map<Long, String> tasks = new LinkedHashMap<>();
        List<Long> taskKeys = new ArrayList<>();
        long[] entries = new long[3 * 64];
        int size = 0;
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split(" ", 4);
            try {
                switch (w[0]) {
                    case "seed" -> {
                        seed = Simulation.parseSeed(w[1]);
                        seedGiven = true;
                    }
                    case "fallback" -> fallbackSeed = switch (w[1]) {
                        case "seed" -> true;
                        case "simplest" -> false;
                        default -> throw new IllegalArgumentException("fallback is 'seed' or 'simplest', was '"
                                + w[1] + "'");
                    };
                    case "run" -> {
                        String[] f = line.split(" ");
                        facts = new RunFacts(Long.parseLong(f[2]), Long.parseLong(f[4]), Long.parseLong(f[6]),
                                Long.parseLong(f[8]));
                    }
                    case "property" -> properties.put(w[1], line.substring(("property " + w[1]).length()).strip());
                    case "stream" -> streams.add(line.substring(("stream " + w[1]).length()).strip());
                    case "task" -> {
                        long key = Long.parseUnsignedLong(w[2], 16);
                        taskKeys.add(key);
                        tasks.put(key, w.length > 3 ? w[3] : "task-" + w[1]);
                    }
                    default -> {
                        int stream = Integer.parseInt(w[0]);
                        if (stream < 0 || stream >= streams.size()) {
                            throw new IllegalArgumentException("stream " + stream + " is not declared above");
                        }
                        DrawKind kind = DrawKind.ofLetter(w[1].charAt(0));
                        String[] rest = line.split(" ");
                        long bound = 0;
                        long value;
                        switch (kind) {
                            case TASK -> {
                                bound = Long.parseLong(rest[2]);
                                int number = Integer.parseInt(rest[3]);
                                value = number >= 1 && number <= taskKeys.size() ? taskKeys.get(number - 1) : 0;
                            }
                            case LONG, INT -> value = Long.parseLong(rest[2]);
                            case DOUBLE -> value = Double.doubleToRawLongBits(Double.parseDouble(rest[2]));
                            default -> {
                                bound = Long.parseLong(rest[2]);
                                value = Long.parseLong(rest[3]);
                            }
                        }
                        if (3 * size + 3 > entries.length) {
                            entries = Arrays.copyOf(entries, entries.length * 2);
                        }
                        entries[3 * size] = (long) stream << 8 | kind.ordinal();
                        entries[3 * size + 1] = bound;
                        entries[3 * size + 2] = value;
                        size++;
                    }
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": cannot read '" + line + "': "
                        + e.getMessage(), e);
            }
        }
        if (!seedGiven) {
            throw new IllegalArgumentException(file + " is not a whole decision log: it has no 'seed' line");
        }
        return new DecisionLog(seed, streams, tasks, entries, size, fallbackSeed, facts, properties);
    }

    // ---- entries, for replays and shrinking ----

    int stream(int i) {
        return (int) (entries[3 * i] >>> 8);
    }

    DrawKind kind(int i) {
        return DrawKind.of((int) (entries[3 * i] & 0xff));
    }

    long bound(int i) {
        return entries[3 * i + 1];
    }

    long value(int i) {
        return entries[3 * i + 2];
    }

    List<String> streams() {
        return streams;
    }

    /**
     * The log of the decisions {@code keep} says to keep, whose other decisions are the simplest
     * ones, with the facts of the run that replayed it ({@code facts}).
     */
    DecisionLog keeping(boolean[] keep, RunFacts facts) {
        long[] kept = new long[3 * size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                System.arraycopy(entries, 3 * i, kept, 3 * n++, 3);
            }
        }
        return new DecisionLog(seed, streams, tasks, kept, n, false, facts, properties);
    }

    /** Whether the two logs hold the same decisions, in the same streams, in the same order. */
    boolean sameDecisions(DecisionLog other) {
        if (size != other.size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (kind(i) != other.kind(i) || bound(i) != other.bound(i) || value(i) != other.value(i)
                    || !streams.get(stream(i)).equals(other.streams.get(other.stream(i)))) {
                return false;
            }
        }
        return true;
    }
}
