package dev.heddle.select;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Running several bodies concurrently and combining their outcomes (Tokio's {@code join!},
 * {@code try_join!}, {@code join_all}, {@code try_join_all} and {@code select_ok}).
 * <pre>{@code
 * Both<User, List<Order>> page = Join.tryJoin(() -> users.get(id), () -> orders.of(id));
 * List<Price> prices = Join.tryJoinAll(shops.stream().map(s -> (Callable<Price>) s::quote).toList());
 * Reply fastest = Join.selectOk(List.of(() -> replicaA.read(k), () -> replicaB.read(k)));
 * }</pre>
 * Each body runs as its own task on the current runtime. These calls are structured: when
 * one returns or throws, none of its tasks is still running: a caller that is aborted or
 * times out aborts them on the way out and waits until each has ended before the
 * cancellation reaches it.
 */
public final class Join {
    private Join() {}

    /**
     * Runs both bodies and waits for both, even if one fails.
     *
     * @throws JoinException the first body's failure if it failed, else the second's
     */
    public static <A, B> Both<A, B> join(Callable<A> first, Callable<B> second) {
        List<Object> values = joinAll(List.<Callable<Object>>of(first::call, second::call));
        return both(values);
    }

    /**
     * Runs both bodies; the first failure aborts the other and is thrown.
     *
     * @throws JoinException of the body that failed first
     */
    public static <A, B> Both<A, B> tryJoin(Callable<A> first, Callable<B> second) {
        List<Object> values = tryJoinAll(List.<Callable<Object>>of(first::call, second::call));
        return both(values);
    }

    /**
     * Runs every body and waits for all of them; the values come back in the order of {@code bodies}.
     *
     * @throws JoinException the failure of the first body in list order that failed, after all
     *     ended, with the other failures suppressed in it
     */
    public static <T> List<T> joinAll(List<? extends Callable<? extends T>> bodies) {
        Outcomes<T> outcomes = new Outcomes<>(spawnAll(bodies));
        try {
            while (outcomes.pending > 0) {
                outcomes.awaitAny();
            }
        } finally {
            outcomes.abortAndAwaitPending();
        }
        JoinException first = null;
        for (JoinException e : outcomes.failures) {
            if (e == null) {
                continue;
            }
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (first != null) {
            throw first;
        }
        return outcomes.values;
    }

    /**
     * Runs every body; the first failure (in time) aborts the others, waits for them to end, and
     * is thrown. Otherwise the values come back in the order of {@code bodies}.
     *
     * @throws JoinException of the body that failed first
     */
    public static <T> List<T> tryJoinAll(List<? extends Callable<? extends T>> bodies) {
        Outcomes<T> outcomes = new Outcomes<>(spawnAll(bodies));
        try {
            while (outcomes.pending > 0) {
                JoinException failure = outcomes.awaitAny();
                if (failure != null) {
                    throw failure;
                }
            }
        } finally {
            outcomes.abortAndAwaitPending();
        }
        return outcomes.values;
    }

    /**
     * Runs every body and returns the first value that one returns; the others are aborted and
     * awaited.
     *
     * @throws IllegalArgumentException if {@code bodies} is empty
     * @throws JoinException of the body that failed last, when every body failed
     */
    public static <T> T selectOk(List<? extends Callable<? extends T>> bodies) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("selectOk needs at least one body to wait for");
        }
        Outcomes<T> outcomes = new Outcomes<>(spawnAll(bodies));
        try {
            JoinException last = null;
            while (outcomes.pending > 0) {
                int before = outcomes.succeeded;
                JoinException failure = outcomes.awaitAny();
                if (outcomes.succeeded > before) {
                    return outcomes.firstSuccess;
                }
                last = failure == null ? last : failure;
            }
            throw last;
        } finally {
            outcomes.abortAndAwaitPending();
        }
    }

    private static <T> List<JoinHandle<T>> spawnAll(List<? extends Callable<? extends T>> bodies) {
        List<JoinHandle<T>> handles = new ArrayList<>(bodies.size());
        for (Callable<? extends T> body : bodies) {
            handles.add(Heddle.spawn(body::call));
        }
        return handles;
    }

    @SuppressWarnings("unchecked")
    private static <A, B> Both<A, B> both(List<Object> values) {
        return new Both<>((A) values.get(0), (B) values.get(1));
    }

    /** The tasks of one call, and what each ended with, indexed like the bodies. */
    private static final class Outcomes<T> {
        final List<JoinHandle<T>> handles;
        final List<T> values;
        final List<JoinException> failures;
        final boolean[] collected;
        int pending;
        int succeeded;
        T firstSuccess;

        Outcomes(List<JoinHandle<T>> handles) {
            this.handles = handles;
            this.pending = handles.size();
            this.collected = new boolean[handles.size()];
            this.values = new ArrayList<>(handles.size());
            this.failures = new ArrayList<>(handles.size());
            for (int i = 0; i < handles.size(); i++) {
                values.add(null);
                failures.add(null);
            }
        }

        /**
         * Waits until at least one more task ended and collects every task that has; returns
         * the failure of the first of them that failed, or null.
         */
        JoinException awaitAny() {
            Select<Void> select = Select.<Void>select().biased();
            for (int i = 0; i < handles.size(); i++) {
                if (!collected[i]) {
                    select.join(handles.get(i), ignored -> null);
                }
            }
            try {
                select.run();
            } catch (JoinException ignored) {
                // The failure is collected below with the index of its task.
            }
            JoinException firstFailure = null;
            for (int i = 0; i < handles.size(); i++) {
                JoinHandle<T> h = handles.get(i);
                if (collected[i] || !h.isFinished()) {
                    continue;
                }
                collected[i] = true;
                pending--;
                try {
                    T v = h.join();
                    values.set(i, v);
                    if (succeeded++ == 0) {
                        firstSuccess = v;
                    }
                } catch (JoinException e) {
                    failures.set(i, e);
                    if (firstFailure == null) {
                        firstFailure = e;
                    }
                }
            }
            return firstFailure;
        }

        /**
         * Aborts the tasks not collected yet and waits for them to end, so none outlives the call.
         *
         * <p>The wait ignores the caller's own cancellation: this runs on the way out of a caller
         * that may itself be aborted or timed out, and a cancelled task would otherwise throw at
         * its first park and leave its children running. The wait is bounded all the same, since
         * each child is aborted and meets its cancellation at its next suspension point (as when
         * a structured-concurrency scope closes). The caller's cancellation stays pending and is
         * delivered at its next suspension point after this call.
         */
        void abortAndAwaitPending() {
            if (pending == 0) {
                return;
            }
            for (int i = 0; i < handles.size(); i++) {
                if (!collected[i]) {
                    handles.get(i).abort();
                }
            }
            for (int i = 0; i < handles.size(); i++) {
                if (!collected[i]) {
                    awaitEndDespiteCancellation(handles.get(i));
                }
            }
        }

        private static void awaitEndDespiteCancellation(JoinHandle<?> h) {
            if (h.isFinished()) {
                return;
            }
            Waiter waiter = new Waiter();
            SelectableOp<?> end = h.joinOp();
            end.enqueue(waiter, 0);
            try {
                waiter.awaitDespiteCancellation();
            } finally {
                end.dequeue();
            }
        }
    }
}
