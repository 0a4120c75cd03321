package dev.heddle.bench;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Receiver;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code ./heddle bench channels}: Heddle's channels against the JDK's hand-offs, in one run
 * on the same machine.
 *
 * <ul>
 *   <li>mpsc throughput, 4 producers to 1 consumer through a bounded channel of
 *       {@value #CAPACITY} slots, against {@link ArrayBlockingQueue} and
 *       {@link LinkedBlockingQueue} of the same capacity;</li>
 *   <li>a oneshot request/response round trip against a {@link CompletableFuture} hand-off;</li>
 *   <li>a contended {@code Mutex} against a fair {@code ReentrantLock} ({@link ChannelsMutexRow}, on a
 *       runtime of its own, after the channel rows).</li>
 * </ul>
 * Both sides of every ratio run on the same threads: producers, consumers, clients and
 * servers are tasks (virtual threads) of one {@code HeddleRuntime.multiThread()} runtime with one
 * worker per processor, so a ratio compares the hand-off and nothing else; a JDK queue or
 * future blocks its task through the same park/unpark as a Heddle channel. The variants run
 * interleaved, round by round, Heddle's first in even rounds and last in odd ones:
 * {@value #WARMUP} warm-up rounds, then {@value #ROUNDS} measured ones. Each throughput is the median over the rounds; each
 * ratio (Heddle / baseline, above 1 when Heddle is faster) is the median of the ratios within
 * a round, whose two sides ran seconds apart, so that load from other processes on a shared
 * machine cancels out. Each group prints its figures, then its ratios; the mpsc ratio against
 * {@code ArrayBlockingQueue}, the headline, comes last of all.
 */
public final class ChannelsBench {
    private static final int CAPACITY = 1024;
    private static final int PRODUCERS = 4;
    private static final int MESSAGES = 2_000_000;
    private static final int ROUND_TRIPS = 200_000;
    /** Enough for the JIT to have compiled both sides' loops before anything is measured. */
    private static final int WARMUP = 5;
    private static final int ROUNDS = 15;

    private ChannelsBench() {}

    public static void main(String[] args) {
        int processors = java.lang.Runtime.getRuntime().availableProcessors();
        System.out.println("processors=" + processors);
        System.out.println("threads=Heddle tasks (virtual threads) on a HeddleRuntime.multiThread() runtime with a worker per processor, for Heddle and JDK sides alike");
        System.out.println("mpsc_producers=" + PRODUCERS);
        System.out.println("mpsc_capacity=" + CAPACITY);
        System.out.println("mpsc_messages=" + MESSAGES);
        System.out.println("oneshot_round_trips=" + ROUND_TRIPS);

        double mpscRatioVsArrayBlockingQueue;
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(processors).build()) {
            double[] heddle = new double[ROUNDS];
            double[] abq = new double[ROUNDS];
            double[] lbq = new double[ROUNDS];
            double[] oneshot = new double[ROUNDS];
            double[] future = new double[ROUNDS];
            for (int round = -WARMUP; round < ROUNDS; round++) {
                // Heddle first in even rounds, last in odd ones, so neither side always runs
                // on a machine the other has just warmed (caches, collector, JIT).
                double h;
                double a;
                double l;
                double o;
                double f;
                if ((round & 1) == 0) {
                    h = timed(rt, ChannelsBench::heddleMpsc);
                    a = timed(rt, () -> jdkQueue(new ArrayBlockingQueue<>(CAPACITY)));
                    l = timed(rt, () -> jdkQueue(new LinkedBlockingQueue<>(CAPACITY)));
                    o = timed(rt, ChannelsBench::heddleOneshot);
                    f = timed(rt, ChannelsBench::completableFutures);
                } else {
                    a = timed(rt, () -> jdkQueue(new ArrayBlockingQueue<>(CAPACITY)));
                    l = timed(rt, () -> jdkQueue(new LinkedBlockingQueue<>(CAPACITY)));
                    h = timed(rt, ChannelsBench::heddleMpsc);
                    f = timed(rt, ChannelsBench::completableFutures);
                    o = timed(rt, ChannelsBench::heddleOneshot);
                }
                if (round >= 0) {
                    heddle[round] = h;
                    abq[round] = a;
                    lbq[round] = l;
                    oneshot[round] = o;
                    future[round] = f;
                }
            }
            double heddleOps = median(heddle);
            double abqOps = median(abq);
            double lbqOps = median(lbq);
            double oneshotRtt = median(oneshot);
            double futureRtt = median(future);
            print("mpsc_heddle_msgs_per_s", heddleOps);
            print("mpsc_array_blocking_queue_msgs_per_s", abqOps);
            print("mpsc_linked_blocking_queue_msgs_per_s", lbqOps);
            print("mpsc_ratio_vs_linked_blocking_queue", medianRatio(heddle, lbq));
            print("oneshot_heddle_round_trips_per_s", oneshotRtt);
            print("oneshot_completable_future_round_trips_per_s", futureRtt);
            print("oneshot_ratio_vs_completable_future", medianRatio(oneshot, future));
            mpscRatioVsArrayBlockingQueue = medianRatio(heddle, abq);
        }
        ChannelsMutexRow.run(System.out);
        print("mpsc_ratio_vs_array_blocking_queue", mpscRatioVsArrayBlockingQueue);
    }

    /**
     * Runs one variant as the runtime's main task, after a full collection: every variant starts
     * on an empty young generation, so none pays for the garbage of the one before it.
     */
    private static double timed(HeddleRuntime rt, Callable<Double> variant) {
        System.gc();
        return rt.blockOn(variant);
    }

    /** Messages per second through a Heddle mpsc channel; runs as the runtime's main task. */
    private static double heddleMpsc() {
        Channel<Integer> ch = Mpsc.bounded(CAPACITY);
        Receiver<Integer> rx = ch.receiver();
        int perProducer = MESSAGES / PRODUCERS;
        long start = System.nanoTime();
        for (int p = 0; p < PRODUCERS; p++) {
            Sender<Integer> tx = ch.sender().clone();
            Heddle.spawn(() -> {
                try (tx) {
                    for (int i = 0; i < perProducer; i++) {
                        tx.send(i);
                    }
                }
            });
        }
        ch.sender().close();
        JoinHandle<Long> consumer = Heddle.spawn(() -> {
            long sum = 0;
            Integer v;
            while ((v = rx.recv()) != null) {
                sum += v;
            }
            return sum;
        });
        check(consumer.join(), perProducer);
        return MESSAGES / seconds(start);
    }

    /** Messages per second through a JDK blocking queue, producers and consumer as tasks of the same runtime. */
    private static double jdkQueue(BlockingQueue<Integer> queue) {
        int perProducer = MESSAGES / PRODUCERS;
        Integer end = -1;
        long start = System.nanoTime();
        for (int p = 0; p < PRODUCERS; p++) {
            Heddle.spawn(() -> {
                for (int i = 0; i < perProducer; i++) {
                    queue.put(i);
                }
                queue.put(end);
                return null;
            });
        }
        JoinHandle<Long> consumer = Heddle.spawn(() -> {
            long sum = 0;
            int ended = 0;
            while (ended < PRODUCERS) {
                Integer v = queue.take();
                if (v == end) {
                    ended++;
                } else {
                    sum += v;
                }
            }
            return sum;
        });
        check(consumer.join(), perProducer);
        return MESSAGES / seconds(start);
    }

    /** Request/response round trips per second through oneshot channels between two tasks. */
    private static double heddleOneshot() {
        long start = System.nanoTime();
        List<dev.heddle.channel.oneshot.Channel<Integer>> requests = new ArrayList<>(ROUND_TRIPS);
        List<dev.heddle.channel.oneshot.Channel<Integer>> replies = new ArrayList<>(ROUND_TRIPS);
        for (int i = 0; i < ROUND_TRIPS; i++) {
            requests.add(Oneshot.channel());
            replies.add(Oneshot.channel());
        }
        JoinHandle<Void> server = Heddle.spawn(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                int request = requests.get(i).receiver().recv();
                replies.get(i).sender().send(request + 1);
            }
        });
        JoinHandle<Long> client = Heddle.spawn(() -> {
            long sum = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                requests.get(i).sender().send(i);
                sum += replies.get(i).receiver().recv();
            }
            return sum;
        });
        server.join();
        checkRoundTrips(client.join());
        return ROUND_TRIPS / seconds(start);
    }

    /** The same round trips through {@link CompletableFuture}s between two tasks of the same runtime. */
    private static double completableFutures() {
        long start = System.nanoTime();
        List<CompletableFuture<Integer>> requests = new ArrayList<>(ROUND_TRIPS);
        List<CompletableFuture<Integer>> replies = new ArrayList<>(ROUND_TRIPS);
        for (int i = 0; i < ROUND_TRIPS; i++) {
            requests.add(new CompletableFuture<>());
            replies.add(new CompletableFuture<>());
        }
        JoinHandle<Void> server = Heddle.spawn(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                int request = requests.get(i).join();
                replies.get(i).complete(request + 1);
            }
        });
        JoinHandle<Long> client = Heddle.spawn(() -> {
            long sum = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                requests.get(i).complete(i);
                sum += replies.get(i).join();
            }
            return sum;
        });
        server.join();
        checkRoundTrips(client.join());
        return ROUND_TRIPS / seconds(start);
    }

    private static void check(long sum, int perProducer) {
        long expected = (long) PRODUCERS * perProducer * (perProducer - 1) / 2;
        if (sum != expected) {
            throw new IllegalStateException("consumer summed " + sum + ", expected " + expected + ": messages lost");
        }
    }

    private static void checkRoundTrips(long sum) {
        long expected = (long) ROUND_TRIPS * (ROUND_TRIPS + 1) / 2;
        if (sum != expected) {
            throw new IllegalStateException("client summed " + sum + " over the replies, expected " + expected);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double medianRatio(double[] heddle, double[] baseline) {
        double[] ratios = new double[heddle.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = heddle[i] / baseline[i];
        }
        return median(ratios);
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3f", value));
    }
}
