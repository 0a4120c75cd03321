package dev.heddle.sim.instrument;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stand-ins for {@code CompletableFuture}'s (and {@code CompletionStage}'s) async methods without
 * an executor, which Heddle's agent puts in place of the originals in the classes it instruments:
 * the first parameter of an instance method's stand-in is the receiver, and the agent casts what
 * it returns back to the call's type. Not for users. Outside a simulation each one is exactly the
 * JDK call. Inside one, the call is the same method with the run's
 * {@link SimulatedJdkCalls#asyncPool() async pool} as its executor, instead of the common pool,
 * whose workers are platform threads outside the simulation: each async step runs as a task of the
 * run. The stages it returns keep that pool for their own async methods without an executor only
 * where the code's calls are rewritten too; the JDK's own calls on them use the common pool.
 */
public final class CompletableFutureCalls {
    private CompletableFutureCalls() {}

    /** {@code CompletableFuture.supplyAsync(supplier)}. */
    public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        Executor pool = pool();
        return pool == null ? CompletableFuture.supplyAsync(supplier) : CompletableFuture.supplyAsync(supplier, pool);
    }

    /** {@code CompletableFuture.runAsync(work)}. */
    public static CompletableFuture<Void> runAsync(Runnable work) {
        Executor pool = pool();
        return pool == null ? CompletableFuture.runAsync(work) : CompletableFuture.runAsync(work, pool);
    }

    /** {@code future.completeAsync(supplier)}. */
    public static <T> CompletableFuture<T> completeAsync(CompletableFuture<T> future, Supplier<? extends T> supplier) {
        Executor pool = pool();
        return pool == null ? future.completeAsync(supplier) : future.completeAsync(supplier, pool);
    }

    /** {@code stage.thenApplyAsync(fn)}. */
    public static <T, U> CompletionStage<U> thenApplyAsync(CompletionStage<T> stage,
            Function<? super T, ? extends U> fn) {
        Executor pool = pool();
        return pool == null ? stage.thenApplyAsync(fn) : stage.thenApplyAsync(fn, pool);
    }

    /** {@code stage.thenAcceptAsync(action)}. */
    public static <T> CompletionStage<Void> thenAcceptAsync(CompletionStage<T> stage, Consumer<? super T> action) {
        Executor pool = pool();
        return pool == null ? stage.thenAcceptAsync(action) : stage.thenAcceptAsync(action, pool);
    }

    /** {@code stage.thenRunAsync(action)}. */
    public static CompletionStage<Void> thenRunAsync(CompletionStage<?> stage, Runnable action) {
        Executor pool = pool();
        return pool == null ? stage.thenRunAsync(action) : stage.thenRunAsync(action, pool);
    }

    /** {@code stage.thenCombineAsync(other, fn)}. */
    public static <T, U, V> CompletionStage<V> thenCombineAsync(CompletionStage<T> stage,
            CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        Executor pool = pool();
        return pool == null ? stage.thenCombineAsync(other, fn) : stage.thenCombineAsync(other, fn, pool);
    }

    /** {@code stage.thenAcceptBothAsync(other, action)}. */
    public static <T, U> CompletionStage<Void> thenAcceptBothAsync(CompletionStage<T> stage,
            CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        Executor pool = pool();
        return pool == null ? stage.thenAcceptBothAsync(other, action) : stage.thenAcceptBothAsync(other, action, pool);
    }

    /** {@code stage.runAfterBothAsync(other, action)}. */
    public static CompletionStage<Void> runAfterBothAsync(CompletionStage<?> stage, CompletionStage<?> other,
            Runnable action) {
        Executor pool = pool();
        return pool == null ? stage.runAfterBothAsync(other, action) : stage.runAfterBothAsync(other, action, pool);
    }

    /** {@code stage.applyToEitherAsync(other, fn)}. */
    public static <T, U> CompletionStage<U> applyToEitherAsync(CompletionStage<T> stage,
            CompletionStage<? extends T> other, Function<? super T, U> fn) {
        Executor pool = pool();
        return pool == null ? stage.applyToEitherAsync(other, fn) : stage.applyToEitherAsync(other, fn, pool);
    }

    /** {@code stage.acceptEitherAsync(other, action)}. */
    public static <T> CompletionStage<Void> acceptEitherAsync(CompletionStage<T> stage,
            CompletionStage<? extends T> other, Consumer<? super T> action) {
        Executor pool = pool();
        return pool == null ? stage.acceptEitherAsync(other, action) : stage.acceptEitherAsync(other, action, pool);
    }

    /** {@code stage.runAfterEitherAsync(other, action)}. */
    public static CompletionStage<Void> runAfterEitherAsync(CompletionStage<?> stage, CompletionStage<?> other,
            Runnable action) {
        Executor pool = pool();
        return pool == null ? stage.runAfterEitherAsync(other, action) : stage.runAfterEitherAsync(other, action, pool);
    }

    /** {@code stage.thenComposeAsync(fn)}. */
    public static <T, U> CompletionStage<U> thenComposeAsync(CompletionStage<T> stage,
            Function<? super T, ? extends CompletionStage<U>> fn) {
        Executor pool = pool();
        return pool == null ? stage.thenComposeAsync(fn) : stage.thenComposeAsync(fn, pool);
    }

    /** {@code stage.handleAsync(fn)}. */
    public static <T, U> CompletionStage<U> handleAsync(CompletionStage<T> stage,
            BiFunction<? super T, Throwable, ? extends U> fn) {
        Executor pool = pool();
        return pool == null ? stage.handleAsync(fn) : stage.handleAsync(fn, pool);
    }

    /** {@code stage.whenCompleteAsync(action)}. */
    public static <T> CompletionStage<T> whenCompleteAsync(CompletionStage<T> stage,
            BiConsumer<? super T, ? super Throwable> action) {
        Executor pool = pool();
        return pool == null ? stage.whenCompleteAsync(action) : stage.whenCompleteAsync(action, pool);
    }

    /** {@code stage.exceptionallyAsync(fn)}. */
    public static <T> CompletionStage<T> exceptionallyAsync(CompletionStage<T> stage,
            Function<Throwable, ? extends T> fn) {
        Executor pool = pool();
        return pool == null ? stage.exceptionallyAsync(fn) : stage.exceptionallyAsync(fn, pool);
    }

    /** {@code stage.exceptionallyComposeAsync(fn)}. */
    public static <T> CompletionStage<T> exceptionallyComposeAsync(CompletionStage<T> stage,
            Function<Throwable, ? extends CompletionStage<T>> fn) {
        Executor pool = pool();
        return pool == null ? stage.exceptionallyComposeAsync(fn) : stage.exceptionallyComposeAsync(fn, pool);
    }

    /** The calling thread's run's async pool, or null outside every simulation. */
    private static Executor pool() {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        return sim == null ? null : sim.asyncPool();
    }
}
