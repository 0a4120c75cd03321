package dev.heddle.agent.test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    /**
     * {@code supplyAsync}, {@code thenApplyAsync}, {@code thenCombineAsync}, a {@code CompletionStage}'s
     * {@code thenApplyAsync} and {@code runAsync}, joined; and the name of the supplier's thread.
     */
    public static List<String> asyncChain() {
        List<String> threads = new ArrayList<>();
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> {
            threads.add(Thread.currentThread().getName().replaceAll("\\d+$", "N"));
            return 2;
        });
        CompletableFuture<Integer> four = two.thenApplyAsync(x -> x * 2);
        CompletableFuture<Integer> six = four.thenCombineAsync(two, Integer::sum);
        CompletionStage<Integer> stage = six;
        CompletionStage<Integer> seven = stage.thenApplyAsync(x -> x + 1);
        CompletableFuture<Void> ran = CompletableFuture.runAsync(() -> { });
        ran.join();
        return List.of("result " + six.join() + ", then " + seven.toCompletableFuture().join(), "ran " + ran.isDone(),
                "supplied on " + threads);
    }

    /**
     * The common pool: a callable submitted, a runnable executed, a task invoked, all joined; the
     * same pool every time it is asked for; shut down, it goes on.
     */
    public static List<String> commonPool() throws InterruptedException, ExecutionException {
        ForkJoinPool pool = ForkJoinPool.commonPool();
        Future<String> name = pool.submit(() -> Thread.currentThread().getName().replaceAll("\\d+$", "N"));
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        int sum = pool.invoke(new RecursiveTask<Integer>() {
            @Override
            protected Integer compute() {
                return 1 + 2 + 3;
            }
        });
        ran.await();
        pool.shutdown();
        return List.of("submitted on " + name.get(), "executed", "invoked " + sum,
                "same pool " + (pool == ForkJoinPool.commonPool()), "shut down " + pool.isShutdown());
    }

    /**
     * Four tasks scheduled without delay on a scheduled pool of two, each returning the name of
     * its thread; returns how many ran, the names seen (sorted, as a set), then the pool's state.
     */
    public static List<String> scheduledPool() throws InterruptedException, ExecutionException {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
        List<Future<String>> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(pool.schedule(() -> Thread.currentThread().getName().replaceAll("pool-\\d+-", "pool-N-"), 0,
                    TimeUnit.SECONDS));
        }
        TreeSet<String> seen = new TreeSet<>();
        for (Future<String> name : names) {
            seen.add(name.get());
        }
        pool.shutdown();
        return List.of("count " + names.size(), "threads " + seen, "shut down " + pool.isShutdown());
    }

    /** A task handed to a pool's {@code execute()} throws, unhandled: the JDK prints it and the worker dies. */
    public static void failingExecute() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(() -> {
            ran.countDown();
            throw new IllegalStateException("lost in the pool");
        });
        ran.await();
        pool.shutdown();
    }
}
