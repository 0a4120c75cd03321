package dev.heddle.agent.test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Work handed to the JDK's thread pools and to {@code CompletableFuture}'s async methods, as services do. */
public final class Pools {
    private Pools() {}

    /**
     * Six tasks on a fixed pool of two, each adding to a counter and returning the name of its
     * thread; returns the count, then the names seen (sorted, as a set), then the pool's state.
     */
    public static List<String> fixedPool() throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger count = new AtomicInteger();
        List<Future<String>> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            names.add(pool.submit(() -> {
                count.incrementAndGet();
                return Thread.currentThread().getName().replaceAll("pool-\\d+-", "pool-N-");
            }));
        }
        TreeSet<String> seen = new TreeSet<>();
        for (Future<String> name : names) {
            seen.add(name.get());
        }
        pool.shutdown();
        return List.of("count " + count.get(), "threads " + seen, "shut down " + pool.isShutdown());
    }

    /** A single-thread executor with a factory of named daemon threads runs tasks one after another, in order. */
    public static List<String> singleThreadWithFactory() throws InterruptedException, ExecutionException {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "single");
            t.setDaemon(true);
            return t;
        });
        List<String> order = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            done.add(one.submit(() -> order.add(n + " on " + Thread.currentThread().getName()
                    + (Thread.currentThread().isDaemon() ? " (daemon)" : ""))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        one.shutdown();
        return order;
    }

    /** {@code supplyAsync}, {@code thenApplyAsync}, {@code thenCombineAsync}, joined; and the names of the threads. */
    public static List<String> asyncChain() {
        List<String> threads = new ArrayList<>();
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> {
            threads.add(Thread.currentThread().getName().replaceAll("\\d+$", "N"));
            return 2;
        });
        CompletableFuture<Integer> four = two.thenApplyAsync(x -> x * 2);
        CompletableFuture<Integer> six = four.thenCombineAsync(two, Integer::sum);
        CompletableFuture<Void> ran = CompletableFuture.runAsync(() -> { });
        ran.join();
        return List.of("result " + six.join(), "ran " + ran.isDone(), "supplied on " + threads);
    }
}
