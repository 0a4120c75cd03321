package dev.heddle.bench;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Mutex row of {@code ./heddle bench channels}: a contended Heddle {@link Mutex} against a
 * fair {@link ReentrantLock}, both fair (FIFO) locks, used by the same kind of threads on the
 * same scheduler: {@value #CONTENDERS} Heddle tasks (virtual threads) on one
 * {@code HeddleRuntime.multiThread()} with a worker per core, so that only the lock differs. Each
 * contender locks, bumps a shared counter and unlocks, {@value #OPS_PER_CONTENDER} times. The
 * rounds of the two sides alternate; the ratio is the median of the ratios of adjacent rounds
 * (which saw about the same machine load), the ops/s printed are each side's median round.
 *
 * <p>A lock is only contended while two contenders run at once. Each side therefore also
 * prints its median overlap: the share of a round's time during which at least two contenders
 * had started their loop and not finished it. An overlap near 0 means the contenders ran one
 * after another and the row measured uncontended lock rounds, whatever its ops/s say.
 */
public final class ChannelsMutexRow {
    static final int CONTENDERS = 4;
    /**
     * Long enough that the contenders' loops overlap (overlap 1.00 on 2 cores): with 25,000,
     * each contender was done before the next had started, and the row timed an uncontended lock.
     */
    static final int OPS_PER_CONTENDER = 250_000;
    private static final int WARMUP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 15;

    private ChannelsMutexRow() {}

    /**
     * Prints {@code mutex_contenders}, {@code mutex_carriers}, {@code mutex_heddle_ops_per_s},
     * {@code mutex_fair_reentrant_lock_ops_per_s}, each side's {@code _overlap} and
     * {@code mutex_ratio_vs_fair_reentrant_lock}
     * (Mutex / ReentrantLock, above 1 when the Mutex is faster), named like the other rows of
     * {@link ChannelsBench}.
     */
    public static void run(PrintStream out) {
        int workers = java.lang.Runtime.getRuntime().availableProcessors();
        double[] mutex = new double[MEASURED_ROUNDS];
        double[] reentrant = new double[MEASURED_ROUNDS];
        double[] mutexOverlap = new double[MEASURED_ROUNDS];
        double[] reentrantOverlap = new double[MEASURED_ROUNDS];
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(workers).build()) {
            for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
                // Alternating which side goes first, so neither always runs on a machine the other warmed.
                boolean heddleFirst = (round & 1) == 0;
                Round m = heddleFirst ? heddleMutexRound(rt) : null;
                Round r = fairReentrantLockRound(rt);
                if (!heddleFirst) {
                    m = heddleMutexRound(rt);
                }
                if (round >= 0) {
                    mutex[round] = m.opsPerSecond();
                    reentrant[round] = r.opsPerSecond();
                    mutexOverlap[round] = m.overlap();
                    reentrantOverlap[round] = r.overlap();
                }
            }
        }
        double[] ratios = new double[MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            ratios[i] = mutex[i] / reentrant[i];
        }
        double ratio = median(ratios);
        out.println("mutex_contenders=" + CONTENDERS);
        out.println("mutex_carriers=" + workers);
        out.println(String.format(Locale.ROOT, "mutex_heddle_ops_per_s=%.0f", median(mutex)));
        out.println(String.format(Locale.ROOT, "mutex_fair_reentrant_lock_ops_per_s=%.0f", median(reentrant)));
        out.println(String.format(Locale.ROOT, "mutex_heddle_overlap=%.2f", median(mutexOverlap)));
        out.println(String.format(Locale.ROOT, "mutex_fair_reentrant_lock_overlap=%.2f", median(reentrantOverlap)));
        out.println(String.format(Locale.ROOT, "mutex_ratio_vs_fair_reentrant_lock=%.3f", ratio));
    }

    private static Round heddleMutexRound(HeddleRuntime rt) {
        return rt.blockOn(() -> {
            Mutex<long[]> counter = new Mutex<>(new long[1]);
            List<JoinHandle<Void>> tasks = new ArrayList<>(CONTENDERS);
            long[] began = new long[CONTENDERS];
            long[] ended = new long[CONTENDERS];
            long start = System.nanoTime();
            for (int t = 0; t < CONTENDERS; t++) {
                int contender = t;
                tasks.add(Heddle.spawn(() -> {
                    began[contender] = System.nanoTime();
                    for (int i = 0; i < OPS_PER_CONTENDER; i++) {
                        try (MutexGuard<long[]> g = counter.lock()) {
                            g.get()[0]++;
                        }
                    }
                    ended[contender] = System.nanoTime();
                }));
            }
            for (JoinHandle<Void> h : tasks) {
                h.join();
            }
            long end = System.nanoTime();
            checkCount(counter.lock().get()[0]);
            return new Round(opsPerSecond(end - start), overlap(began, ended, start, end));
        });
    }

    private static Round fairReentrantLockRound(HeddleRuntime rt) {
        return rt.blockOn(() -> {
            ReentrantLock lock = new ReentrantLock(true);
            long[] counter = new long[1];
            List<JoinHandle<Void>> tasks = new ArrayList<>(CONTENDERS);
            long[] began = new long[CONTENDERS];
            long[] ended = new long[CONTENDERS];
            long start = System.nanoTime();
            for (int t = 0; t < CONTENDERS; t++) {
                int contender = t;
                tasks.add(Heddle.spawn(() -> {
                    began[contender] = System.nanoTime();
                    for (int i = 0; i < OPS_PER_CONTENDER; i++) {
                        lock.lock();
                        try {
                            counter[0]++;
                        } finally {
                            lock.unlock();
                        }
                    }
                    ended[contender] = System.nanoTime();
                }));
            }
            for (JoinHandle<Void> h : tasks) {
                h.join();
            }
            long end = System.nanoTime();
            lock.lock();
            try {
                checkCount(counter[0]);
            } finally {
                lock.unlock();
            }
            return new Round(opsPerSecond(end - start), overlap(began, ended, start, end));
        });
    }

    /** One round of one side: its throughput and its {@link #overlap}. */
    private record Round(double opsPerSecond, double overlap) {}

    /**
     * The share of {@code [start, end)} during which at least two contenders were inside their
     * loops ({@code began[i]} to {@code ended[i]}): the only time the lock could be contended.
     */
    static double overlap(long[] began, long[] ended, long start, long end) {
        long[][] events = new long[2 * began.length][];
        for (int i = 0; i < began.length; i++) {
            events[2 * i] = new long[] {began[i], 1};
            events[2 * i + 1] = new long[] {ended[i], -1};
        }
        Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long shared = 0;
        int running = 0;
        long since = start;
        for (long[] e : events) {
            if (running >= 2) {
                shared += e[0] - since;
            }
            running += (int) e[1];
            since = e[0];
        }
        return end > start ? (double) shared / (end - start) : 0;
    }

    private static void checkCount(long counted) {
        long expected = (long) CONTENDERS * OPS_PER_CONTENDER;
        if (counted != expected) {
            throw new IllegalStateException("the lock let updates be lost: counted " + counted + ", expected " + expected);
        }
    }

    private static double opsPerSecond(long elapsedNanos) {
        return (double) CONTENDERS * OPS_PER_CONTENDER * 1e9 / elapsedNanos;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
