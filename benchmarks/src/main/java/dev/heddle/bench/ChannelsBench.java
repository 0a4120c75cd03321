package dev.heddle.bench;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Receiver;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.Runtime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 *   <li>a oneshot request/response round trip against a {@link CompletableFuture} hand-off.</li>
 * </ul>
 * Every side runs on virtual threads, so each ratio compares like with like: Heddle's as tasks
 * of a {@code Runtime.multiThread()} runtime (virtual threads on its worker pool), the JDK
 * baselines on the JDK's default virtual-thread scheduler; both pools have one carrier per
 * processor. Each figure is the median of {@value #ROUNDS} measured rounds after
 * {@value #WARMUP} warm-up rounds, the variants interleaved round by round. Ratios are
 * Heddle / baseline, above 1 when Heddle is faster; the mpsc ratio against
 * {@code ArrayBlockingQueue} comes last.
 */
public final class ChannelsBench {
    private static final int CAPACITY = 1024;
    private static final int PRODUCERS = 4;
    private static final int MESSAGES = 2_000_000;
    private static final int ROUND_TRIPS = 200_000;
    private static final int WARMUP = 3;
    private static final int ROUNDS = 5;

    private ChannelsBench() {}

    public static void main(String[] args) throws Exception {
        int processors = java.lang.Runtime.getRuntime().availableProcessors();
        System.out.println("processors=" + processors);
        System.out.println("threads=virtual (Heddle tasks on Runtime.multiThread(); JDK baselines on Thread.ofVirtual())");
        System.out.println("mpsc_producers=" + PRODUCERS);
        System.out.println("mpsc_capacity=" + CAPACITY);
        System.out.println("mpsc_messages=" + MESSAGES);
        System.out.println("oneshot_round_trips=" + ROUND_TRIPS);

        try (Runtime rt = Runtime.multiThread().workerThreads(processors).build()) {
            double[] heddle = new double[ROUNDS];
            double[] abq = new double[ROUNDS];
            double[] lbq = new double[ROUNDS];
            double[] oneshot = new double[ROUNDS];
            double[] future = new double[ROUNDS];
            for (int round = -WARMUP; round < ROUNDS; round++) {
                double h = rt.blockOn(ChannelsBench::heddleMpsc);
                double a = jdkQueue(new ArrayBlockingQueue<>(CAPACITY));
                double l = jdkQueue(new LinkedBlockingQueue<>(CAPACITY));
                double o = rt.blockOn(ChannelsBench::heddleOneshot);
                double f = completableFutures();
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
            print("oneshot_heddle_round_trips_per_s", oneshotRtt);
            print("oneshot_completable_future_round_trips_per_s", futureRtt);
            print("oneshot_ratio_vs_completable_future", oneshotRtt / futureRtt);
            print("mpsc_ratio_vs_linked_blocking_queue", heddleOps / lbqOps);
            print("mpsc_ratio_vs_array_blocking_queue", heddleOps / abqOps);
        }
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

    /** Messages per second through a JDK blocking queue, producers and consumer on virtual threads. */
    private static double jdkQueue(BlockingQueue<Integer> queue) throws InterruptedException {
        int perProducer = MESSAGES / PRODUCERS;
        Integer end = -1;
        long start = System.nanoTime();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            producers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < perProducer; i++) {
                        queue.put(i);
                    }
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long[] sum = new long[1];
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                int ended = 0;
                while (ended < PRODUCERS) {
                    Integer v = queue.take();
                    if (v == end) {
                        ended++;
                    } else {
                        sum[0] += v;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (Thread t : producers) {
            t.join();
        }
        consumer.join();
        check(sum[0], perProducer);
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

    /** The same round trips through {@link CompletableFuture}s between two virtual threads. */
    private static double completableFutures() throws InterruptedException {
        long start = System.nanoTime();
        List<CompletableFuture<Integer>> requests = new ArrayList<>(ROUND_TRIPS);
        List<CompletableFuture<Integer>> replies = new ArrayList<>(ROUND_TRIPS);
        for (int i = 0; i < ROUND_TRIPS; i++) {
            requests.add(new CompletableFuture<>());
            replies.add(new CompletableFuture<>());
        }
        Thread server = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                int request = requests.get(i).join();
                replies.get(i).complete(request + 1);
            }
        });
        long[] sum = new long[1];
        Thread client = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                requests.get(i).complete(i);
                sum[0] += replies.get(i).join();
            }
        });
        server.join();
        client.join();
        checkRoundTrips(sum[0]);
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

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3f", value));
    }
}
