package dev.heddle.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a history could have happened on a single correct copy of an object.
 *
 * <p>The model may split the history into independent parts (by key, by value); parts are checked
 * in parallel and the check stops at the first illegal one. Each part is first replayed when
 * its operations are sequential, then given to an optimistic search (a few steps per operation),
 * then, unless that found a linearization, to the model's {@linkplain Model#refutation()
 * refutation} (a read of a value nobody wrote ends the check at once) and the model's polynomial
 * decider when it has one for that kind of history; otherwise to a memoized Wing–Gong search
 * ({@link WingGongSearch}).
 *
 * <pre>{@code
 * CheckResult result = LinearizabilityChecker.of(Models.casRegister())
 *         .withTimeout(Duration.ofSeconds(10))
 *         .check(HistoryFiles.read(Path.of("etcd_000.log")));
 * if (!result.linearizable()) {
 *     System.out.println(result.describe());
 * }
 * }</pre>
 *
 * @param <S> the model's state type
 */
public final class LinearizabilityChecker<S> {
    /**
     * Below this many operations left for the memoized search, starting threads costs more than
     * checking parts one by one. Parts the fast paths left are the hard ones: on a KV history of
     * 1,000 operations on 5 keys, with 50 clients and repeated values, each key takes the search
     * 0.1 to 1 s.
     */
    private static final int PARALLEL_THRESHOLD = 256;
    /** The optimistic search's steps per operation before it hands over to the deciders. */
    private static final int OPTIMISTIC_STEPS_PER_OPERATION = 4;
    /**
     * ... and the steps it has in any case, so that a small part is not given up at once: a key of
     * a few dozen operations with repeated values can need a few hundred steps without the cache,
     * and handing it to the memoized search builds its event list and cache anew (KV, 50 clients,
     * 100 operations, 5 values: 190 us a check with 64 steps, 85 us with 256).
     */
    private static final int OPTIMISTIC_MIN_STEPS = 256;

    private final Model<S> model;
    private final Duration timeout;
    private final int parallelism;
    private final boolean fastPaths;
    private final Duration explainBudget;

    private LinearizabilityChecker(Model<S> model, Duration timeout, int parallelism, boolean fastPaths,
                                   Duration explainBudget) {
        this.model = model;
        this.timeout = timeout;
        this.parallelism = parallelism;
        this.fastPaths = fastPaths;
        this.explainBudget = explainBudget;
    }

    /** By default, a fast path's NOT_LINEARIZABLE is explained by a search of at most this long. */
    private static final Duration DEFAULT_EXPLAIN_BUDGET = Duration.ofMillis(500);

    /** A checker for {@code model} with no time limit, one thread per core, and fast paths on. */
    public static <S> LinearizabilityChecker<S> of(Model<S> model) {
        return new LinearizabilityChecker<>(Objects.requireNonNull(model, "model"), null,
                Runtime.getRuntime().availableProcessors(), true, DEFAULT_EXPLAIN_BUDGET);
    }

    /** Gives up with {@link Verdict#UNKNOWN} after {@code budget} for the whole check. */
    public LinearizabilityChecker<S> withTimeout(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + budget);
        }
        return new LinearizabilityChecker<>(model, budget, parallelism, fastPaths, explainBudget);
    }

    /** Checks at most {@code threads} parts at a time; 1 checks on the calling thread only. */
    public LinearizabilityChecker<S> withParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + threads);
        }
        return new LinearizabilityChecker<>(model, timeout, threads, fastPaths, explainBudget);
    }

    /** Turns the polynomial deciders off, so that every part goes through the general search. */
    public LinearizabilityChecker<S> withoutFastPaths() {
        return new LinearizabilityChecker<>(model, timeout, parallelism, false, explainBudget);
    }

    /**
     * When a polynomial decider finds a part not linearizable, its reason names the violation,
     * and by default a search of at most 500 ms (within the timeout) also looks for the
     * step-by-step {@link Counterexample} that reports and {@code --explain} show. This sets
     * that search's limit; {@link Duration#ZERO} skips it, so the verdict costs only the decider.
     */
    public LinearizabilityChecker<S> withExplanationBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("explanation budget must not be negative, got " + budget);
        }
        return new LinearizabilityChecker<>(model, timeout, parallelism, fastPaths, budget);
    }

    public Model<S> model() {
        return model;
    }

    public CheckResult check(History history) {
        return check(history, new SearchProgress());
    }

    /**
     * {@link #check(History)}, reporting to {@code progress} as the searches go, so that another
     * thread can say how far a long check has got.
     */
    public CheckResult check(History history, SearchProgress progress) {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        SearchBudget budget = new SearchBudget(timeout, progress);
        List<Operation> prepared = new ArrayList<>(history.size());
        for (Operation op : history.operations()) {
            Operation checked = model.prepare(op);
            if (checked == null) {
                continue;
            }
            // An unknown read observes nothing and changes nothing: it may as well never have run.
            if (checked.status() == Status.UNKNOWN && model.readOnly(checked)) {
                continue;
            }
            prepared.add(checked);
        }
        List<List<Operation>> parts = model.partition(prepared);
        PartitionResult[] results = new PartitionResult[parts.size()];
        // The fast paths first, on this thread: they are cheap, and an illegal part ends the check.
        List<Integer> toSearch = new ArrayList<>();
        int opsToSearch = 0;
        boolean illegal = false;
        for (int i : smallestFirst(parts)) {
            if (illegal) {
                break;
            }
            results[i] = fastPathsOn(parts.get(i), budget);
            if (results[i] == null) {
                toSearch.add(i);
                opsToSearch += parts.get(i).size();
            } else if (results[i].verdict() == Verdict.NOT_LINEARIZABLE) {
                illegal = true;
            }
        }
        if (!illegal) {
            if (parallelism == 1 || toSearch.size() <= 1 || opsToSearch < PARALLEL_THRESHOLD) {
                for (int i : toSearch) {
                    results[i] = checkPart(parts.get(i), budget);
                    if (results[i].verdict() == Verdict.NOT_LINEARIZABLE) {
                        break;
                    }
                }
            } else {
                checkInParallel(parts, toSearch, budget, results);
            }
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = new PartitionResult(model.partitionLabel(parts.get(i)), parts.get(i),
                        Verdict.UNKNOWN, List.of(), null, "not checked: another part is not linearizable");
            }
        }
        Verdict verdict = Verdict.LINEARIZABLE;
        for (PartitionResult result : results) {
            if (result.verdict() == Verdict.NOT_LINEARIZABLE) {
                verdict = Verdict.NOT_LINEARIZABLE;
            } else if (result.verdict() == Verdict.UNKNOWN && verdict == Verdict.LINEARIZABLE) {
                verdict = Verdict.UNKNOWN;
            }
        }
        return new CheckResult(verdict, model.name(), Arrays.asList(results), System.nanoTime() - start);
    }

    private void checkInParallel(List<List<Operation>> parts, List<Integer> toSearch, SearchBudget budget,
                                 PartitionResult[] results) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, toSearch.size()), task -> {
            Thread thread = new Thread(task, "heddle-lin-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int index : toSearch) {
                futures.add(done.submit(() -> {
                    if (!budget.cancelled()) {
                        results[index] = checkPart(parts.get(index), budget);
                    }
                    return index;
                }));
            }
            for (int finished = 0; finished < toSearch.size(); finished++) {
                int index = done.take().get();
                if (results[index] != null && results[index].verdict() == Verdict.NOT_LINEARIZABLE) {
                    budget.cancel();
                    for (Future<Integer> future : futures) {
                        future.cancel(false);
                    }
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            budget.cancel();
        } catch (ExecutionException e) {
            budget.cancel();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("checking a part failed", e.getCause());
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Small parts first: they finish fast, and an illegal one among them ends the check early. */
    private static int[] smallestFirst(List<List<Operation>> parts) {
        long[] sizeAndIndex = new long[parts.size()];
        for (int i = 0; i < sizeAndIndex.length; i++) {
            sizeAndIndex[i] = (long) parts.get(i).size() << 32 | i;
        }
        Arrays.sort(sizeAndIndex);
        int[] order = new int[sizeAndIndex.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) sizeAndIndex[i];
        }
        return order;
    }

    /** Searches poll the budget every thousand steps, so cancelled ones end almost at once. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The part decided by a fast path, or null when none applies (or they are off). */
    private PartitionResult fastPathsOn(List<Operation> part, SearchBudget budget) {
        if (!fastPaths) {
            return null;
        }
        String label = model.partitionLabel(part);
        if (budget.exhausted()) {
            return outOfTime(label, part, budget);
        }
        {
            PartitionResult sequential = sequential(label, part);
            if (sequential != null) {
                return sequential;
            }
            // The optimistic search first: it costs O(n) and settles most linearizable parts. The
            // refutation costs more, and only a part it did not find linearizable needs it; when it
            // applies, its reason (the read nobody's write explains) beats the search's prefix.
            PartitionResult optimistic = optimistic(label, part, budget);
            if (optimistic != null && optimistic.verdict() == Verdict.LINEARIZABLE) {
                return optimistic;
            }
            if (optimistic == null && budget.exhausted()) {
                return outOfTime(label, part, budget);
            }
            Optional<PolynomialDecider> refutation = model.refutation();
            if (refutation.isPresent()) {
                Optional<PolynomialDecider.Decision> refuted = refutation.get().decide(part);
                if (refuted.isPresent()) {
                    if (refuted.get().linearizable()) {
                        throw new IllegalStateException("the refutation " + refutation.get().name() + " of model "
                                + model.name() + " decided a part linearizable; a refutation may only refute");
                    }
                    Counterexample counterexample = optimistic != null ? optimistic.counterexample() : explain(part, budget);
                    return new PartitionResult(label, part, Verdict.NOT_LINEARIZABLE, List.of(), counterexample,
                            refuted.get().reason(), refutation.get().name());
                }
            }
            if (optimistic != null) {
                return optimistic;
            }
            if (budget.exhausted()) {
                return outOfTime(label, part, budget);
            }
            Optional<PolynomialDecider> decider = model.polynomialDecider();
            if (decider.isPresent()) {
                Optional<PolynomialDecider.Decision> decision = decider.get().decide(part);
                if (decision.isPresent()) {
                    Counterexample explanation = decision.get().linearizable() ? null : explain(part, budget);
                    return new PartitionResult(label, part,
                            decision.get().linearizable() ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE,
                            decision.get().linearization(), explanation, decision.get().reason(), decider.get().name());
                }
            }
        }
        return null;
    }

    /** A part left unknown because the time is up, or because another part is illegal. */
    private static PartitionResult outOfTime(String label, List<Operation> part, SearchBudget budget) {
        return new PartitionResult(label, part, Verdict.UNKNOWN, List.of(), null,
                budget.cancelled() ? "not checked: another part is not linearizable" : "time budget exhausted");
    }

    /** The part decided by the search. */
    private PartitionResult checkPart(List<Operation> part, SearchBudget budget) {
        String label = model.partitionLabel(part);
        if (budget.exhausted()) {
            return outOfTime(label, part, budget);
        }
        WingGongSearch.Outcome outcome = new WingGongSearch<>(model, part, budget).run();
        List<Operation> order = new ArrayList<>(outcome.order().length);
        for (int op : outcome.order()) {
            order.add(part.get(op));
        }
        return switch (outcome.verdict()) {
            case LINEARIZABLE -> new PartitionResult(label, part, Verdict.LINEARIZABLE, order, null, "");
            case NOT_LINEARIZABLE -> new PartitionResult(label, part, Verdict.NOT_LINEARIZABLE, List.of(),
                    counterexample(part, order), "");
            case UNKNOWN -> new PartitionResult(label, part, Verdict.UNKNOWN, List.of(), null,
                    budget.cancelled() ? "not checked to the end: another part is not linearizable"
                            : "time budget exhausted after " + order.size() + " operations linearized");
        };
    }

    /**
     * A part whose operations all completed, each returning before the next is called (one
     * client, or clients taking turns), has one order that respects real time: replaying it
     * decides the part in O(n), and the first operation the model refuses is the counterexample.
     * Returns null for other parts.
     */
    private PartitionResult sequential(String label, List<Operation> part) {
        Operation previous = null;
        for (Operation op : part) {
            if (op.status() != Status.OK || (previous != null && previous.ret() >= op.call())) {
                return null;
            }
            previous = op;
        }
        S state = model.initial();
        for (int i = 0; i < part.size(); i++) {
            S after = model.step(state, part.get(i));
            if (after == null) {
                // Everything after the refused operation is called after it returns: it is the only candidate.
                Counterexample counterexample = new Counterexample(part.subList(0, i), model.describeState(state),
                        List.of(new Counterexample.Attempt(part.get(i), null)), part.get(i));
                return new PartitionResult(label, part, Verdict.NOT_LINEARIZABLE, List.of(), counterexample,
                        "the operations are sequential: only one order respects real time", "sequential");
            }
            state = after;
        }
        List<Operation> order = List.copyOf(part); // the same list serves as both: one copy
        return new PartitionResult(label, order, Verdict.LINEARIZABLE, order, null, "", "sequential");
    }

    /**
     * Wing and Gong's search without the cache, stopped after a few steps per operation: with
     * few overlapping operations (a key of a KV store with few clients), the first choices are
     * right and this is the cheapest complete check; otherwise the deciders and the memoized
     * search take over, having lost O(n) steps. Returns null when it gave up.
     */
    private PartitionResult optimistic(String label, List<Operation> part, SearchBudget budget) {
        WingGongSearch.Outcome outcome = new WingGongSearch<>(model, part, budget, false,
                OPTIMISTIC_STEPS_PER_OPERATION * (long) part.size() + OPTIMISTIC_MIN_STEPS).run();
        if (outcome.verdict() == Verdict.UNKNOWN) {
            return null;
        }
        List<Operation> order = new ArrayList<>(outcome.order().length);
        for (int op : outcome.order()) {
            order.add(part.get(op));
        }
        return outcome.verdict() == Verdict.LINEARIZABLE
                ? new PartitionResult(label, part, Verdict.LINEARIZABLE, order, null, "", "greedy")
                : new PartitionResult(label, part, Verdict.NOT_LINEARIZABLE, List.of(), counterexample(part, order),
                "", "greedy");
    }

    /** The search's counterexample for a part a decider found illegal, if found within the explanation budget. */
    private Counterexample explain(List<Operation> part, SearchBudget budget) {
        if (explainBudget.isZero() || budget.exhausted()) {
            return null;
        }
        WingGongSearch.Outcome outcome = new WingGongSearch<>(model, part, budget.capped(explainBudget)).run();
        if (outcome.verdict() != Verdict.NOT_LINEARIZABLE) {
            return null;
        }
        List<Operation> order = new ArrayList<>(outcome.order().length);
        for (int op : outcome.order()) {
            order.add(part.get(op));
        }
        return counterexample(part, order);
    }

    /** Replays the longest prefix and names what cannot come next, and why. */
    private Counterexample counterexample(List<Operation> part, List<Operation> prefix) {
        S state = model.initial();
        for (Operation op : prefix) {
            state = model.step(state, op);
        }
        Set<Operation> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(prefix);
        Operation blocking = null;
        for (Operation op : part) {
            if (placed.contains(op) || op.status() != Status.OK) {
                continue;
            }
            if (blocking == null || op.ret() < blocking.ret()) {
                blocking = op;
            }
        }
        List<Counterexample.Attempt> attempts = new ArrayList<>();
        long horizon = blocking == null ? Long.MAX_VALUE : blocking.ret();
        for (Operation op : part) {
            if (placed.contains(op) || op.call() > horizon) {
                continue;
            }
            S after = model.step(state, op);
            attempts.add(new Counterexample.Attempt(op, after == null ? null : model.describeState(after)));
        }
        return new Counterexample(prefix, model.describeState(state), attempts, blocking);
    }
}
