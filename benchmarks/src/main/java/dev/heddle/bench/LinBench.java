package dev.heddle.bench;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Verdict;
import dev.heddle.check.io.HistoryDirectory;
import dev.heddle.check.io.HistoryFiles;
import dev.heddle.check.io.HistoryFormatException;
import dev.heddle.check.model.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./heddle bench lin}: the Heddle linearizability checker against Porcupine's algorithm
 * ({@link PorcupineBaseline}) on generated histories: register, CAS register, KV with 10 keys
 * and queue; 1, 10 and 50 concurrent clients; 100 to 10,000 operations; linearizable as
 * generated, or with one output in the middle altered. Prints one {@code key=value} row per
 * history with its ratio (baseline time / Heddle time) and the total ratio last. A search that exceeds its cap is
 * reported as {@code >=cap}, which makes the ratio a lower bound (marked {@code >=}). The baseline's cap is
 * {@code --cap-ms}, or three times what Heddle took on the row where that is longer, so that a capped baseline
 * still shows a ratio of at least 3 however long the row; Heddle's cap is five times {@code --cap-ms}. Rows
 * both checkers finish are run up to 15 times, interleaved, and the medians reported; the
 * {@code decider=} column names what decided the row in the Heddle checker.
 *
 * <p>Those rows write unique values, as Jepsen does, so the polynomial deciders settle them.
 * Rows marked {@code values=repeated} (register with 10 clients, KV with 50) draw written values
 * from a few, so that no polynomial decider applies: their {@code ok} rows measure the memoized
 * search itself, and their {@code bad} rows (a read of a value nobody wrote) the refutation.
 *
 * <p>Rows marked {@code jepsen} are {@link JepsenHistories}: a CAS register with 10 clients and
 * KV with 50, values drawn from 5, and {@code :info} operations that never return, their clients
 * crashed and replaced; the kind of history Jepsen records and Porcupine finds hard.
 *
 * <p>Arguments: {@code --cap-ms N} (the baseline's cap per row, default 2000) and
 * {@code --max-ops N} (default 10000); {@code --histories DIR --model NAME} measures the history
 * files in {@code DIR} instead, one row each, such as Porcupine's own test data.
 */
public final class LinBench {
    private static final long SEED = 0x11E_A12L;

    private LinBench() {
    }

    public static void main(String[] args) {
        long capMillis = 2000;
        int maxOps = 10_000;
        Path histories = null;
        String modelName = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cap-ms" -> capMillis = Bench.positive("--cap-ms", Bench.valueOf(args, i++));
                case "--max-ops" -> maxOps = (int) Bench.positive("--max-ops", Bench.valueOf(args, i++));
                case "--histories" -> histories = Path.of(Bench.valueOf(args, i++));
                case "--model" -> modelName = Bench.valueOf(args, i++);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; lin accepts --cap-ms N, --max-ops N, and --histories DIR with --model NAME");
            }
        }
        if ((histories == null) != (modelName == null)) {
            throw new IllegalArgumentException("--histories DIR and --model NAME go together: the model says how"
                    + " to read the files' operations");
        }
        if (histories != null) {
            // The files and the model are checked before the warm-up, which takes a while.
            Model<?> model = Models.byName(modelName);
            List<HistoryFile> files = readAll(histories);
            warmUp();
            List<Row> rows = new ArrayList<>();
            for (HistoryFile file : files) {
                rows.add(measure("file:" + file.path().getFileName(), model, capMillis, file.history()));
            }
            printTotal(rows);
            return;
        }
        warmUp();
        List<Row> rows = new ArrayList<>();
        for (String workload : List.of("register", "cas-register", "kv", "queue")) {
            for (int clients : List.of(1, 10, 50)) {
                for (int ops : List.of(100, 1000, 10_000)) {
                    if (ops > maxOps) continue;
                    for (boolean legal : List.of(true, false)) {
                        rows.add(measure(workload, clients, ops, legal, Values.UNIQUE, capMillis,
                                generate(workload, clients, ops, legal, Values.UNIQUE,
                                        new SplittableRandom(SEED ^ (clients * 31L + ops)))));
                    }
                }
            }
        }
        for (RepeatedRows repeated : REPEATED_ROWS) {
            for (int ops : List.of(100, 1000, 10_000)) {
                if (ops > maxOps) continue;
                for (boolean legal : List.of(true, false)) {
                    rows.add(measure(repeated.workload(), repeated.clients(), ops, legal, Values.REPEATED, capMillis,
                            generate(repeated.workload(), repeated.clients(), ops, legal, Values.REPEATED,
                                    new SplittableRandom(SEED ^ (repeated.clients() * 31L + ops)))));
                }
            }
        }
        for (RepeatedRows jepsen : JEPSEN_ROWS) {
            for (int ops : List.of(100, 1000, 10_000)) {
                if (ops > maxOps) continue;
                for (boolean legal : List.of(true, false)) {
                    rows.add(measure(jepsen.workload(), jepsen.clients(), ops, legal, Values.JEPSEN, capMillis,
                            JepsenHistories.generate(jepsen.workload(), jepsen.clients(), ops, legal,
                                    new SplittableRandom(SEED ^ (jepsen.clients() * 31L + ops)))));
                }
            }
        }
        printTotal(rows);
    }

    private static void printTotal(List<Row> rows) {
        double heddleTotal = 0;
        double porcupineTotal = 0;
        boolean lowerBound = false;
        for (Row row : rows) {
            heddleTotal += row.heddleMillis;
            porcupineTotal += row.porcupineMillis;
            lowerBound |= row.porcupineCapped || row.heddleCapped;
        }
        System.out.println("ratio" + (lowerBound ? ">=" : "=") + format(porcupineTotal / heddleTotal)
                + " heddle_total_ms=" + format(heddleTotal) + " porcupine_total_ms" + (lowerBound ? ">=" : "=")
                + format(porcupineTotal));
    }

    private record Row(String name, double heddleMillis, boolean heddleCapped, double porcupineMillis,
                       boolean porcupineCapped, Verdict heddle, Verdict porcupine, String decider) {
        String line() {
            String ratio = (porcupineCapped && !heddleCapped ? ">=" : heddleCapped ? "~" : "=")
                    + format(porcupineMillis / heddleMillis);
            return "row=" + name + " heddle_ms" + (heddleCapped ? ">=" : "=") + format(heddleMillis)
                    + " porcupine_ms" + (porcupineCapped ? ">=" : "=") + format(porcupineMillis)
                    + " ratio" + ratio + " decider=" + decider + " heddle=" + heddle + " porcupine=" + porcupine
                    + (heddle != Verdict.UNKNOWN && porcupine != Verdict.UNKNOWN && heddle != porcupine
                    ? " DISAGREE" : "");
        }
    }

    /** Heddle's cap on a row, in multiples of {@code --cap-ms}. */
    private static final int HEDDLE_CAP_FACTOR = 5;
    /** The baseline's cap on a row, in multiples of Heddle's time on it, where that is longer than {@code --cap-ms}. */
    private static final int BASELINE_CAP_FACTOR = 3;

    /** Runs of a row, per checker, while their total stays under this (the first always counts). */
    private static final long REPEAT_BUDGET_NANOS = 300_000_000L;
    private static final int MAX_RUNS = 15;

    /**
     * Each checker runs the row alternately, one run each at a time, repeated while both have
     * spent less than {@link #REPEAT_BUDGET_NANOS} and neither hit the cap, up to
     * {@link #MAX_RUNS} runs; the median of each is reported. On a shared machine one run of a
     * millisecond is mostly noise (a GC pause, a descheduling); medians of the same number of
     * interleaved runs compare like with like. Each row starts after a full collection.
     */
    private static Row measure(String workload, int clients, int ops, boolean legal, Values values, long capMillis,
                               History history) {
        String name = workload + "/clients=" + clients + "/ops=" + ops + "/verdict=" + (legal ? "ok" : "bad")
                + (values == Values.REPEATED ? "/values=repeated" : values == Values.JEPSEN ? "/jepsen" : "");
        return measure(name, Models.byName(workload), capMillis, history);
    }

    /** The history files in {@code directory} (as {@code ./heddle lin} reads a directory), in name order. */
    private static List<Path> historyFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--histories " + directory + ": no such directory ("
                    + directory.toAbsolutePath() + ")");
        }
        List<Path> files;
        try {
            files = HistoryDirectory.historyFiles(directory);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + directory.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--histories " + directory + ": no history files ("
                    + String.join(", ", HistoryDirectory.EXTENSIONS) + ") in " + directory.toAbsolutePath());
        }
        return files;
    }

    private record HistoryFile(Path path, History history) {
    }

    /**
     * The history files in {@code directory}, read, for one row each: how the two checkers compare
     * on histories recorded elsewhere, such as Porcupine's own test data.
     */
    private static List<HistoryFile> readAll(Path directory) {
        List<HistoryFile> histories = new ArrayList<>();
        for (Path file : historyFiles(directory)) {
            try {
                histories.add(new HistoryFile(file, HistoryFiles.read(file)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            } catch (HistoryFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return histories;
    }

    private static Row measure(String name, Model<?> model, long capMillis, History history) {
        // The row before may leave hundreds of megabytes of caches to collect (a capped baseline
        // search fills one for 2 s), and whichever checker runs next would pay for it.
        System.gc();
        List<Double> heddleRuns = new ArrayList<>();
        List<Double> porcupineRuns = new ArrayList<>();
        double heddleSpent = 0;
        double porcupineSpent = 0;
        CheckResult result;
        Verdict porcupine;
        do {
            long start = System.nanoTime();
            // Verdicts only, as the baseline gives: no extra search to explain a fast path's refutation.
            result = LinearizabilityChecker.of(model).withTimeout(Duration.ofMillis(HEDDLE_CAP_FACTOR * capMillis))
                    .withExplanationBudget(Duration.ZERO).check(history);
            long heddleNanos = System.nanoTime() - start;
            start = System.nanoTime();
            long porcupineCap = Math.max(capMillis * 1_000_000, BASELINE_CAP_FACTOR * heddleNanos);
            porcupine = PorcupineBaseline.check(model, history.operations(), start + porcupineCap);
            long porcupineNanos = System.nanoTime() - start;
            heddleRuns.add(heddleNanos / 1e6);
            porcupineRuns.add(porcupineNanos / 1e6);
            heddleSpent += heddleNanos;
            porcupineSpent += porcupineNanos;
        } while (result.verdict() != Verdict.UNKNOWN && porcupine != Verdict.UNKNOWN && heddleRuns.size() < MAX_RUNS
                && heddleSpent < REPEAT_BUDGET_NANOS && porcupineSpent < REPEAT_BUDGET_NANOS);
        Row row = new Row(name, median(heddleRuns), result.verdict() == Verdict.UNKNOWN, median(porcupineRuns),
                porcupine == Verdict.UNKNOWN, result.verdict(), porcupine, result.deciders());
        System.out.println(row.line());
        return row;
    }

    private static double median(List<Double> runs) {
        List<Double> sorted = new ArrayList<>(runs);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Both checkers on every workload, client count, size up to 1,000 and verdict, on other
     * seeds, ten times over, so that the JIT has compiled both before anything is measured (the
     * baseline's searches are capped at 20 ms here).
     */
    private static void warmUp() {
        for (int i = 0; i < 10; i++) {
            for (String workload : List.of("register", "cas-register", "kv", "queue")) {
                for (int clients : List.of(1, 10, 50)) {
                    for (int ops : List.of(100, 1000)) {
                        for (boolean legal : List.of(true, false)) {
                            warmUpOn(workload, clients, ops, legal, Values.UNIQUE, i);
                        }
                    }
                }
            }
            for (RepeatedRows repeated : REPEATED_ROWS) {
                for (int ops : List.of(100, 1000)) {
                    for (boolean legal : List.of(true, false)) {
                        warmUpOn(repeated.workload(), repeated.clients(), ops, legal, Values.REPEATED, i);
                    }
                }
            }
            for (RepeatedRows jepsen : JEPSEN_ROWS) {
                for (boolean legal : List.of(true, false)) {
                    warmUpOn(jepsen.workload(), jepsen.clients(), 100, legal, Values.JEPSEN, i);
                }
            }
        }
    }

    private static void warmUpOn(String workload, int clients, int ops, boolean legal, Values values, int seed) {
        History history;
        try {
            history = values == Values.JEPSEN
                    ? JepsenHistories.generate(workload, clients, ops, legal, new SplittableRandom(seed))
                    : generate(workload, clients, ops, legal, values, new SplittableRandom(seed));
        } catch (IllegalStateException nothingToAlter) {
            return; // a small history on this seed has no observation to alter
        }
        Model<?> model = Models.byName(workload);
        LinearizabilityChecker.of(model).withTimeout(Duration.ofMillis(200))
                .withExplanationBudget(Duration.ZERO).check(history);
        PorcupineBaseline.check(model, history.operations(), System.nanoTime() + 20_000_000L);
    }

    /** How generated histories choose the values they write. */
    enum Values {
        /** Every written value fresh, as in Jepsen tests: the polynomial deciders apply. */
        UNIQUE,
        /** Written values drawn from {@link #REPEATED_VALUES}: no polynomial decider applies. */
        REPEATED,
        /** A {@link JepsenHistories} history: values drawn from a few, {@code :info} operations, crashed clients. */
        JEPSEN
    }

    /**
     * The {@link Values#REPEATED} rows: a workload and its clients. KV spreads its clients over
     * 10 keys, so it needs 50 for a key to see enough overlap that the greedy search hands over.
     */
    private record RepeatedRows(String workload, int clients) {
    }

    private static final List<RepeatedRows> REPEATED_ROWS =
            List.of(new RepeatedRows("register", 10), new RepeatedRows("kv", 50));

    /** The {@link Values#JEPSEN} rows: a CAS register with 10 clients, as Jepsen runs it, and KV with 50. */
    private static final List<RepeatedRows> JEPSEN_ROWS =
            List.of(new RepeatedRows("cas-register", 10), new RepeatedRows("kv", 50));

    /** How many distinct values {@link Values#REPEATED} histories write. */
    private static final int REPEATED_VALUES = 5;

    /**
     * A history of {@code ops} operations by {@code clients} clients, each issuing one operation
     * after another with random durations; every operation takes effect at a random point in its
     * interval, where a sequential object computes its output. Every written value is unique, as
     * in Jepsen's register and append workloads: registers write fresh integers; a CAS goes from
     * the value its client last saw (read, wrote or swapped in) to a fresh one, so it fails when
     * another client wrote in between; KV puts and appends write fresh tokens ({@code "p7;"},
     * {@code "a8;"}); queues enqueue fresh integers. When not {@code legal}, one output in the
     * second half is altered into a realistic bug (see {@link #alterInTheMiddle}).
     *
     * <p>With {@link Values#REPEATED}, registers write integers below {@link #REPEATED_VALUES}
     * and KV puts and appends write tokens {@code "p0;"} to {@code "p4;"} and {@code "a0;"} to
     * {@code "a4;"}. A stale value may then be written again later, so the bad history instead
     * has one read return a value nobody wrote (a corrupted read: {@code 5}, or the key's value
     * with {@code "x;"} appended), which no order explains.
     */
    static History generate(String workload, int clients, int ops, boolean legal, Values values,
                            SplittableRandom random) {
        boolean unique = values == Values.UNIQUE;
        record Slot(int client, long call, long ret, long point) {
        }
        List<Slot> slots = new ArrayList<>();
        long[] clock = new long[clients];
        for (int i = 0; i < ops; i++) {
            int client = random.nextInt(clients);
            long call = clock[client] + random.nextInt(20);
            long ret = call + 1 + random.nextInt(10 * clients);
            slots.add(new Slot(client, call, ret, call + random.nextLong(ret - call + 1)));
            clock[client] = ret + 1;
        }
        slots.sort(Comparator.comparingLong(Slot::point).thenComparingInt(Slot::client));
        List<Operation> history = new ArrayList<>(ops);
        Object register = null;
        Object[] lastSeen = new Object[clients];
        Map<String, String> store = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        long nextValue = 0;
        for (Slot s : slots) {
            int c = s.client();
            switch (workload) {
                case "register", "cas-register" -> {
                    int kind = random.nextInt(workload.equals("register") ? 2 : 3);
                    long value = unique ? nextValue++ : random.nextInt(REPEATED_VALUES);
                    if (kind == 0) {
                        register = value;
                        lastSeen[c] = value;
                        history.add(Operation.ok(c, "write", null, value, null, s.call(), s.ret()));
                    } else if (kind == 1) {
                        lastSeen[c] = register;
                        history.add(Operation.ok(c, "read", null, null, register, s.call(), s.ret()));
                    } else {
                        Object expected = lastSeen[c];
                        boolean swapped = java.util.Objects.equals(register, expected);
                        if (swapped) {
                            register = value;
                            lastSeen[c] = value;
                        }
                        history.add(Operation.ok(c, "cas", null, java.util.Arrays.asList(expected, value), swapped,
                                s.call(), s.ret()));
                    }
                }
                case "kv" -> {
                    String key = Integer.toString(random.nextInt(10));
                    String current = store.getOrDefault(key, "");
                    switch (random.nextInt(3)) {
                        case 0 -> history.add(Operation.ok(c, "get", key, null, current, s.call(), s.ret()));
                        case 1 -> {
                            String value = "p" + (unique ? nextValue++ : random.nextInt(REPEATED_VALUES)) + ";";
                            store.put(key, value);
                            history.add(Operation.ok(c, "put", key, value, null, s.call(), s.ret()));
                        }
                        default -> {
                            String value = "a" + (unique ? nextValue++ : random.nextInt(REPEATED_VALUES)) + ";";
                            store.put(key, current + value);
                            history.add(Operation.ok(c, "append", key, value, null, s.call(), s.ret()));
                        }
                    }
                }
                case "queue" -> {
                    if (random.nextBoolean() || queue.isEmpty()) {
                        long value = nextValue++;
                        queue.addLast(value);
                        history.add(Operation.ok(c, "enqueue", null, value, null, s.call(), s.ret()));
                    } else {
                        history.add(Operation.ok(c, "dequeue", null, null, queue.pollFirst(), s.call(), s.ret()));
                    }
                }
                default -> throw new IllegalArgumentException("no generator for workload " + workload);
            }
        }
        if (!legal && unique) alterInTheMiddle(workload, history);
        if (!legal && !unique) corruptInTheMiddle(workload, history);
        return new History(history);
    }

    /**
     * Alters the first observation at or after the middle into a bug that real systems have, and
     * that makes the history not linearizable: a read (or KV get) returns a stale value, one that
     * a later write had overwritten before the read was called (with unique values it can never
     * come back); a dequeue returns a value that an earlier dequeue, completed before it was
     * called, had already taken (duplicate delivery).
     */
    private static void alterInTheMiddle(String workload, List<Operation> history) {
        String observer = switch (workload) {
            case "kv" -> "get";
            case "queue" -> "dequeue";
            default -> "read";
        };
        for (int i = history.size() / 2; i < history.size(); i++) {
            Operation op = history.get(i);
            if (!op.f().equals(observer)) continue;
            Object stale = workload.equals("queue") ? dequeuedBefore(history, op) : overwrittenBefore(workload, history, op);
            if (stale == null) continue;
            history.set(i, op.withOutcome(stale, op.status()));
            return;
        }
        throw new IllegalStateException("no " + observer + " in the second half to alter");
    }

    /**
     * Makes the first read (or KV get) at or after the middle return a value never written: the
     * integer {@link #REPEATED_VALUES}, or what the get saw with a token {@code "x;"} appended.
     */
    private static void corruptInTheMiddle(String workload, List<Operation> history) {
        String observer = workload.equals("kv") ? "get" : "read";
        for (int i = history.size() / 2; i < history.size(); i++) {
            Operation op = history.get(i);
            if (!op.f().equals(observer)) continue;
            Object corrupt = workload.equals("kv") ? op.output() + "x;" : (Object) (long) REPEATED_VALUES;
            history.set(i, op.withOutcome(corrupt, op.status()));
            return;
        }
        throw new IllegalStateException("no " + observer + " in the second half to corrupt");
    }

    /** A value written, then overwritten by a write that completed before {@code read} was called. */
    private static Object overwrittenBefore(String workload, List<Operation> history, Operation read) {
        Operation latest = null; // the mutation (of read's key) completed last before the read is called
        for (Operation op : history) {
            if (writes(op) && java.util.Objects.equals(op.key(), read.key()) && op.ret() < read.call()
                    && (latest == null || op.ret() > latest.ret())) {
                latest = op;
            }
        }
        if (latest == null) return null;
        // The state a completed-earlier mutation left: replay the key's mutations by effect order.
        Operation earlier = null;
        for (Operation op : history) {
            if (writes(op) && java.util.Objects.equals(op.key(), read.key()) && op.ret() < latest.call()
                    && (earlier == null || op.ret() > earlier.ret())) {
                earlier = op;
            }
        }
        if (earlier == null) return null;
        if (!workload.equals("kv")) return earlier.f().equals("cas") ? ((List<?>) earlier.input()).get(1) : earlier.input();
        // The history is in effect order: the state right after 'earlier' took effect.
        String state = "";
        for (Operation op : history) {
            if (!java.util.Objects.equals(op.key(), read.key())) continue;
            if (op.f().equals("put")) state = (String) op.input();
            else if (op.f().equals("append")) state = state + op.input();
            if (op == earlier) return state;
        }
        return null;
    }

    private static boolean writes(Operation op) {
        return op.f().equals("write") || op.f().equals("put") || op.f().equals("append")
                || (op.f().equals("cas") && Boolean.TRUE.equals(op.output()));
    }

    /** The value of a dequeue that completed before {@code dequeue} was called. */
    private static Object dequeuedBefore(List<Operation> history, Operation dequeue) {
        for (Operation op : history) {
            if (op.f().equals("dequeue") && op != dequeue && op.output() != null && op.ret() < dequeue.call()) {
                return op.output();
            }
        }
        return null;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
