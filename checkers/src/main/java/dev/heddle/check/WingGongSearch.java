package dev.heddle.check;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The general decision procedure for one partition: Wing and Gong's backtracking search for a
 * linearization, with Lowe's memoization of (linearized set, state) configurations, in the
 * linked-list form of Porcupine's checker ({@link EventList}).
 *
 * <p>A configuration's candidates are the calls before the list's first return; when none is
 * left that leads anywhere, that return's operation can no longer be linearized in time, so the
 * search backtracks. Unknown operations may be linearized at any time after their call, or never
 * (one is not placed where it changes nothing, which leaves every option open), and the search
 * succeeds once every completed operation is linearized.
 *
 * <p>What makes it fast: the linearized set is never materialized: its Zobrist hash is updated in
 * O(1) per step, and the cache stores it as its frontier (the first return left and the
 * candidates, as many as the operations pending there), not for forced steps (one candidate,
 * whose return is the first: no alternative to prune), where Porcupine clones a bitset of the
 * whole part per step; twins are placed in one order ({@link EventList}); read-only operations
 * are tried first, and one that is legal is committed without trying alternatives (if a
 * configuration fails after such a read, so does the one before it); the model may collapse
 * states that no operation left can tell apart ({@link ObservedStates}); the longest prefix for
 * the counterexample is kept in amortized O(1) per step. On Porcupine's etcd logs the twins took
 * the slowest (77 operations, 19 unknown) from 220 ms to 21 ms.
 *
 * <p>A search that stops getting deeper restarts with its candidates in another order
 * ({@link #FIRST_RESTART}), keeping in its cache every configuration it explored to the end:
 * those failed whatever the order, so a restart loses only the path it was on. Depth-first search
 * has heavy tails (one wrong turn near the root of a linearizable history and it may explore
 * millions of configurations below it); on a KV key with 190 operations, 19 at once, values
 * repeating, one order ran 30 s without an answer and restarts found a linearization in under a
 * second.
 */
final class WingGongSearch<S> {
    private static final int BUDGET_CHECK_MASK = 1023;
    /**
     * The memoized search starts again when it has gone this many steps without getting deeper
     * than before in this attempt, then twice as many each time, with candidates in another order
     * (see {@link EventList#prioritize}): a search that took a wrong turn early can spend minutes below it, and
     * another order may find a linearization at once. One that gets deeper is left alone.
     * Nothing explored to the end is explored again: the cache keeps it.
     */
    private static final long FIRST_RESTART = 1 << 16;

    private final Model<S> model;
    private final Operation[] ops;
    private final boolean[] readOnly;
    private final SearchBudget budget;
    private final boolean memoize;
    private final long stepLimit;
    private final long firstRestart;
    /** The model's forgetting of what nothing left observes, or null. */
    private final ObservedStates<S> observed;

    private final long[] zobrist;
    private final EventList list;

    private int[] bestPrefix = new int[0];
    private int bestLength;
    private int agreeing;

    WingGongSearch(Model<S> model, List<Operation> operations, SearchBudget budget) {
        this(model, operations, budget, true, Long.MAX_VALUE, FIRST_RESTART);
    }

    /**
     * @param memoize   false for a search without the cache: the first, optimistic attempt, which
     *                  costs less per step and decides histories with few choices at once
     * @param stepLimit give up (verdict UNKNOWN) after this many steps
     */
    WingGongSearch(Model<S> model, List<Operation> operations, SearchBudget budget, boolean memoize, long stepLimit) {
        this(model, operations, budget, memoize, stepLimit, FIRST_RESTART);
    }

    /** @param firstRestart the steps before the memoized search's first restart (tests make it tiny) */
    WingGongSearch(Model<S> model, List<Operation> operations, SearchBudget budget, boolean memoize, long stepLimit,
                   long firstRestart) {
        this.memoize = memoize;
        this.stepLimit = stepLimit;
        this.firstRestart = firstRestart;
        this.model = model;
        this.ops = operations.toArray(new Operation[0]);
        this.budget = budget;
        // Collapsed states only pay where the cache can merge them.
        this.observed = memoize ? model.observedStates(operations).orElse(null) : null;
        this.readOnly = new boolean[ops.length];
        this.zobrist = new long[ops.length];
        SplittableRandom random = new SplittableRandom(0x5EED_0F_11E7L);
        for (int i = 0; i < ops.length; i++) {
            readOnly[i] = model.readOnly(ops[i]);
            if (memoize) {
                zobrist[i] = random.nextLong();
            }
        }
        list = new EventList(ops, readOnly, memoize);
    }

    /** The outcome: a verdict, and the linearization found or the longest linearizable prefix. */
    record Outcome(Verdict verdict, int[] order) {
    }

    Outcome run() {
        int okLeft = 0;
        for (Operation op : ops) {
            if (op.status() == Status.OK) {
                okLeft++;
            }
        }
        if (budget.exhausted()) {
            return new Outcome(Verdict.UNKNOWN, new int[0]);
        }

        ConfigurationCache<S> cache = memoize ? new ConfigurationCache<>(model, budget) : null;
        long linearizedHash = 0;
        int[] stackNode = new int[ops.length];
        Object[] stackState = new Object[ops.length + 1];
        long[] stackHash = new long[ops.length + 1];
        // The configurations on the stack, each as its frontier in the arena (the first return
        // node, then the candidates in the order they are tried) and the next one to try.
        int[] arena = new int[Math.max(64, 4 * ops.length)];
        int[] base = new int[ops.length + 1];
        int[] cursor = new int[ops.length + 1];
        int[] end = new int[ops.length + 1];
        int depth = 0;
        S state = observed == null ? model.initial() : observed.collapse(model.initial());
        stackState[0] = state;
        end[0] = list.frontier(arena, 0);
        list.byPriority(arena, 0, end[0]);
        cursor[0] = 1;
        long iterations = 0;
        int cachedReported = 0;
        long patience = memoize ? firstRestart : Long.MAX_VALUE;
        long restartAt = patience;
        int attemptDeepest = 0;
        int restarts = 0;

        while (okLeft > 0) {
            if ((++iterations & BUDGET_CHECK_MASK) == 0) {
                int cached = cache == null ? 0 : cache.size();
                budget.progress().searched(BUDGET_CHECK_MASK + 1, cached - cachedReported, depth);
                cachedReported = cached;
                if (budget.exhausted()) {
                    return new Outcome(Verdict.UNKNOWN, Arrays.copyOf(bestPrefix, bestLength));
                }
            }
            if (iterations > stepLimit) {
                return new Outcome(Verdict.UNKNOWN, Arrays.copyOf(bestPrefix, bestLength));
            }
            if (iterations > restartAt) {
                // Unwind to the start. The configurations on the stack are forgotten, since they
                // were not explored to the end; every other one the cache holds failed, whatever
                // the order of candidates, so the next attempt never explores it again.
                for (; depth > 0; depth--) {
                    // Written again in the form the cache knows it by, not in the order tried.
                    int length = list.frontier(arena, base[depth]);
                    cache.remove(arena, base[depth], length, stackHash[depth], cast(stackState[depth]));
                    int op = list.opOfNode[stackNode[depth - 1]];
                    list.setPlaced(op, false);
                    if (observed != null) {
                        observed.unlinearized(op);
                    }
                    list.unlift(stackNode[depth - 1]);
                    if (ops[op].status() == Status.OK) {
                        okLeft++;
                    }
                    stackState[depth] = null;
                }
                agreeing = 0;
                linearizedHash = 0;
                state = cast(stackState[0]);
                restarts++;
                list.prioritize(new SplittableRandom(restarts));
                patience = firstRestart << Math.min(restarts, 40);
                restartAt = iterations + patience;
                attemptDeepest = 0;
                end[0] = list.frontier(arena, 0);
                list.byPriority(arena, 0, end[0]);
                cursor[0] = 1;
                continue;
            }
            if (cursor[depth] < end[depth]) {
                int from = base[depth];
                int entry = arena[from + cursor[depth]++];
                int op = list.opOfNode[entry];
                S after = model.step(state, ops[op]);
                if (after != null && list.unknown(entry) && model.equal(after, state)) {
                    after = null; // an unknown operation that changes nothing is better left unplaced
                }
                if (after == null) {
                    continue;
                }
                if (observed != null) {
                    observed.linearized(op);
                    after = observed.collapse(after);
                }
                // A forced step (the only candidate, and the first return its own) is not cached:
                // the configuration before it already is.
                boolean forced = end[depth] == 2 && list.returnOfCall[entry] == arena[from];
                list.lift(entry);
                list.setPlaced(op, true);
                int next = from + end[depth];
                if (next + ops.length + 1 > arena.length) {
                    arena = Arrays.copyOf(arena, Math.max(arena.length * 2, next + ops.length + 1));
                }
                int length = list.frontier(arena, next);
                if (cache == null || forced
                        || cache.add(arena, next, length, linearizedHash ^ zobrist[op], after)) {
                    linearizedHash ^= zobrist[op];
                    stackNode[depth] = entry;
                    recordPush(stackNode, depth);
                    if (depth >= attemptDeepest && memoize) {
                        attemptDeepest = depth + 1;
                        restartAt = iterations + patience;
                    }
                    depth++;
                    stackState[depth] = after;
                    stackHash[depth] = linearizedHash;
                    state = after;
                    if (ops[op].status() == Status.OK) {
                        okLeft--;
                    }
                    list.byPriority(arena, next, length);
                    base[depth] = next;
                    end[depth] = length;
                    cursor[depth] = 1;
                    continue;
                }
                list.unlift(entry);
                list.setPlaced(op, false);
                if (observed != null) {
                    observed.unlinearized(op);
                }
                if (!readOnly[op]) {
                    continue;
                }
            }
            // No candidate left (or a read-only operation whose continuation is known to fail):
            // the current configuration fails; undo the last choice and try the next one.
            boolean popAgain;
            do {
                if (depth == 0) {
                    return new Outcome(Verdict.NOT_LINEARIZABLE, Arrays.copyOf(bestPrefix, bestLength));
                }
                stackState[depth] = null;
                depth--;
                if (agreeing > depth) {
                    agreeing = depth;
                }
                int entry = stackNode[depth];
                state = cast(stackState[depth]);
                int op = list.opOfNode[entry];
                linearizedHash ^= zobrist[op];
                list.setPlaced(op, false);
                if (observed != null) {
                    observed.unlinearized(op);
                }
                list.unlift(entry);
                if (ops[op].status() == Status.OK) {
                    okLeft++;
                }
                popAgain = readOnly[op];
            } while (popAgain);
        }
        int[] order = new int[depth];
        for (int i = 0; i < depth; i++) {
            order[i] = list.opOfNode[stackNode[i]];
        }
        return new Outcome(Verdict.LINEARIZABLE, order);
    }

    /** Keeps {@code bestPrefix} equal to the deepest stack seen, copying only what changed. */
    private void recordPush(int[] stackNode, int position) {
        if (position + 1 <= bestLength) {
            return;
        }
        if (bestPrefix.length < position + 1) {
            bestPrefix = Arrays.copyOf(bestPrefix, Math.max(16, Math.max(position + 1, bestPrefix.length * 2)));
        }
        for (int i = agreeing; i <= position; i++) {
            bestPrefix[i] = list.opOfNode[stackNode[i]];
        }
        bestLength = position + 1;
        agreeing = position + 1;
    }

    @SuppressWarnings("unchecked")
    private S cast(Object value) {
        return (S) value;
    }
}