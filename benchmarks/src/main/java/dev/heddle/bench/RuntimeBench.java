package dev.heddle.bench;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./heddle bench runtime}: Heddle's multi-thread work-stealing scheduler against the
 * JDK's default virtual-thread scheduler ({@code Executors.newVirtualThreadPerTaskExecutor()},
 * a ForkJoinPool), measured in the same run on the same code. Each row prints both times and
 * the ratio JDK time ÷ Heddle time (higher is better for Heddle); the smallest ratio is last.
 *
 * <p>Rows: spawn and join of 1,000,000 trivial tasks; skynet (a tree of 1,111,111 tasks, ten
 * children each, summing the leaves' ids); a message bounced between two tasks through two
 * mpsc channels of capacity 1; fan-out to
 * 1,000 senders whose 1,000 messages each come back through one bounded mpsc channel
 * (capacity 1,024). The channels park the same way on JDK virtual threads, so both
 * schedulers run identical code. Each row runs 3 warm-up and 9 measured rounds, the two
 * schedulers taking turns to go first; each time printed is a median. Nine, because one
 * spawn_join round swings by 20% either way with where the collector happens to run.
 * Arguments: {@code quick} for fewer rounds, and row names to run only those rows.
 */
public final class RuntimeBench {
    private static final int SPAWN_TASKS = 1_000_000;
    private static final int SKYNET_LEAVES = 1_000_000;
    private static final int PING_PONG_ROUND_TRIPS = 200_000;
    private static final int FAN_SENDERS = 1_000;
    private static final int FAN_MESSAGES_EACH = 1_000;
    private static final int FAN_CAPACITY = 1_024;

    private RuntimeBench() {}

    /** Runs {@code body} as a task of one scheduler and returns its value. */
    private interface Scheduler extends AutoCloseable {
        <T> T run(Callable<T> body) throws Exception;

        <T> Callable<T> spawn(Callable<T> body) throws Exception;

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("quick");
        int warmups = quick ? 1 : 3;
        int rounds = quick ? 3 : 9;
        int workers = java.lang.Runtime.getRuntime().availableProcessors();
        System.out.println("workers=" + workers);
        List<String> rows = new ArrayList<>(List.of("spawn_join", "skynet", "ping_pong", "fan_in"));
        List<String> picked = Arrays.stream(args).filter(rows::contains).toList();
        if (!picked.isEmpty()) {
            rows.retainAll(picked);
        }
        double smallest = Double.MAX_VALUE;
        String smallestRow = "";
        try (HeddleScheduler heddle = new HeddleScheduler(workers); JdkScheduler jdk = new JdkScheduler()) {
            for (String row : rows) {
                long expected = -1;
                long[] heddleNanos = new long[rounds];
                long[] jdkNanos = new long[rounds];
                for (int i = -warmups; i < rounds; i++) {
                    // Alternate which scheduler goes first, so neither always runs on a warmer machine.
                    Scheduler first = (i & 1) == 0 ? heddle : jdk;
                    Scheduler second = first == heddle ? jdk : heddle;
                    long[] a = measure(row, first);
                    long[] b = measure(row, second);
                    long[] h = first == heddle ? a : b;
                    long[] j = first == heddle ? b : a;
                    if (h[1] != j[1] || (expected >= 0 && h[1] != expected)) {
                        throw new AssertionError(row + ": heddle computed " + h[1] + ", jdk " + j[1]);
                    }
                    expected = h[1];
                    if (i >= 0) {
                        heddleNanos[i] = h[0];
                        jdkNanos[i] = j[0];
                    }
                }
                long hm = median(heddleNanos);
                long jm = median(jdkNanos);
                double ratio = (double) jm / hm;
                System.out.printf(Locale.ROOT, "%s.heddle_ms=%.1f%n%s.jdk_ms=%.1f%n%s.ratio=%.2f%n",
                        row, hm / 1e6, row, jm / 1e6, row, ratio);
                if (ratio < smallest) {
                    smallest = ratio;
                    smallestRow = row;
                }
            }
            RuntimeMetrics m = heddle.runtime.metrics();
            System.out.println("heddle.polls=" + m.polls() + " heddle.steals=" + m.steals() + " heddle.lifo_hits="
                    + m.lifoHits() + " heddle.parks=" + m.parks());
        }
        System.out.printf(Locale.ROOT, "smallest_row=%s%nratio=%.2f%n", smallestRow, smallest);
    }

    /** Returns {elapsed nanos, checksum}. */
    private static long[] measure(String row, Scheduler s) throws Exception {
        // Each side starts on a clean heap rather than paying for the other's garbage.
        System.gc();
        long start = System.nanoTime();
        long value = switch (row) {
            case "spawn_join" -> s.run(() -> spawnJoin(s));
            case "skynet" -> s.run(() -> skynet(s, 0, SKYNET_LEAVES));
            case "ping_pong" -> s.run(() -> pingPong(s));
            case "fan_in" -> s.run(() -> fanIn(s));
            default -> throw new IllegalArgumentException("unknown row " + row);
        };
        return new long[] {System.nanoTime() - start, value};
    }

    private static long spawnJoin(Scheduler s) throws Exception {
        List<Callable<Integer>> joins = new ArrayList<>(SPAWN_TASKS);
        for (int i = 0; i < SPAWN_TASKS; i++) {
            int v = i & 1;
            joins.add(s.spawn(() -> v));
        }
        long sum = 0;
        for (Callable<Integer> j : joins) {
            sum += j.call();
        }
        return sum;
    }

    /** The sum of the ids in {@code [first, first + size)}, computed by a tree of tasks with ten children each. */
    private static long skynet(Scheduler s, long first, long size) throws Exception {
        if (size == 1) {
            return first;
        }
        long part = size / 10;
        List<Callable<Long>> children = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            long childFirst = first + i * part;
            children.add(s.spawn(() -> skynet(s, childFirst, part)));
        }
        long sum = 0;
        for (Callable<Long> c : children) {
            sum += c.call();
        }
        return sum;
    }

    private static long pingPong(Scheduler s) throws Exception {
        Channel<Long> toPong = Mpsc.bounded(1);
        Channel<Long> toPing = Mpsc.bounded(1);
        Callable<Long> pong = s.spawn(() -> {
            long last = 0;
            for (int i = 0; i < PING_PONG_ROUND_TRIPS; i++) {
                last = toPong.receiver().recv();
                toPing.sender().send(last + 1);
            }
            return last;
        });
        long v = 0;
        for (int i = 0; i < PING_PONG_ROUND_TRIPS; i++) {
            toPong.sender().send(v);
            v = toPing.receiver().recv();
        }
        return v + pong.call();
    }

    private static long fanIn(Scheduler s) throws Exception {
        Channel<Integer> results = Mpsc.bounded(FAN_CAPACITY);
        List<Callable<Integer>> senders = new ArrayList<>(FAN_SENDERS);
        for (int p = 0; p < FAN_SENDERS; p++) {
            Sender<Integer> tx = results.sender().clone();
            senders.add(s.spawn(() -> {
                try (tx) {
                    for (int i = 0; i < FAN_MESSAGES_EACH; i++) {
                        tx.send(i & 7);
                    }
                }
                return 0;
            }));
        }
        results.sender().close();
        long sum = 0;
        for (Integer m; (m = results.receiver().recv()) != null; ) {
            sum += m;
        }
        for (Callable<Integer> c : senders) {
            c.call();
        }
        return sum;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static final class HeddleScheduler implements Scheduler {
        final HeddleRuntime runtime;

        HeddleScheduler(int workers) {
            this.runtime = HeddleRuntime.multiThread().workerThreads(workers).threadName("bench").build();
        }

        @Override
        public <T> T run(Callable<T> body) {
            return runtime.blockOn(body);
        }

        @Override
        public <T> Callable<T> spawn(Callable<T> body) {
            JoinHandle<T> h = Heddle.spawn(body);
            return h::join;
        }

        @Override
        public void close() {
            runtime.close();
        }
    }

    private static final class JdkScheduler implements Scheduler {
        final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        @Override
        public <T> T run(Callable<T> body) throws Exception {
            return executor.submit(body).get();
        }

        @Override
        public <T> Callable<T> spawn(Callable<T> body) {
            Future<T> f = executor.submit(body);
            return f::get;
        }

        @Override
        public void close() {
            executor.close();
        }
    }
}
