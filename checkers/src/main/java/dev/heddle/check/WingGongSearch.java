package dev.heddle.check;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The general decision procedure for one partition: Wing and Gong's backtracking search for a
 * linearization, with Lowe's memoization of (linearized set, state) configurations, in the
 * linked-list form of Porcupine's checker.
 *
 * <p>Call and return events sit in one doubly linked list in time order (calls first on ties).
 * The search walks it from the head: a call whose operation is legal in the current state is
 * linearized and lifted out of the list with its return; reaching a return means that operation
 * should have been linearized already, so the search backtracks. Unknown operations have no
 * return event: they may be linearized at any time after their call, or never, and the search
 * succeeds once every completed operation is linearized.
 *
 * <p>What makes it fast: the list is two int arrays; the linearized set is never materialized:
 * its Zobrist hash is updated in O(1) per step, and the cache stores it as its frontier (the
 * first return left and the calls before it, as many as the operations pending there), not for
 * forced steps (the only call before the first return: no alternative to prune), where Porcupine
 * clones a bitset of the whole part per step; read-only operations that are legal are committed
 * without trying alternatives (if a configuration fails after such a read, so does the one
 * before it); the longest prefix for the counterexample is kept in amortized O(1) per step.
 *
 * <p>Unknown operations (Jepsen's {@code :info}) would otherwise multiply the configurations by
 * two each, since each may be placed or not: a history of 77 operations with 19 of them unknown
 * took seconds. Two rules keep only placements that matter, both sound because an unknown
 * operation has no deadline. One placed where it changes nothing is not placed: leaving it
 * unplaced keeps every option open. And of unknown operations that are the same request (f, key,
 * input; with values drawn from a few, many are), only the earliest called and not yet placed
 * may be placed: any linearization that uses a later one can use the earlier one instead, so
 * the placed ones of a kind are always the first called, and the cache sees one configuration
 * where there were as many as there are ways to choose them.
 */
final class WingGongSearch<S> {
    /** The list's first node, before every event. */
    private static final int HEAD = 0;
    /** No node: past the list's last node, and the return of an unknown operation's call. */
    private static final int END = -1;
    /** {@link #returnOfCall}'s entry for a return node, which tells calls and returns apart. */
    private static final int RETURN_NODE = -2;
    private static final int BUDGET_CHECK_MASK = 1023;

    private final Model<S> model;
    private final Operation[] ops;
    private final boolean[] readOnly;
    private final SearchBudget budget;
    private final boolean memoize;
    private final long stepLimit;

    // The event list: node 0 is the head, then one node per event in time order.
    private final int[] next;
    private final int[] prev;
    private final int[] opOfNode;
    private final int[] returnOfCall; // for call nodes: their return node, END for unknown ops; RETURN_NODE for return nodes
    private final long[] zobrist;
    /**
     * For an unknown operation, the unknown operation called last before it that is the same
     * request (f, key, input); -1 for none and for completed operations. See {@link #run}.
     */
    private final int[] twinBefore;
    private final boolean[] placed;

    private int[] bestPrefix = new int[0];
    private int bestLength;
    private int agreeing;

    WingGongSearch(Model<S> model, List<Operation> operations, SearchBudget budget) {
        this(model, operations, budget, true, Long.MAX_VALUE);
    }

    /**
     * @param memoize   false for a search without the cache: the first, optimistic attempt, which
     *                  costs less per step and decides histories with few choices at once
     * @param stepLimit give up (verdict UNKNOWN) after this many steps
     */
    WingGongSearch(Model<S> model, List<Operation> operations, SearchBudget budget, boolean memoize, long stepLimit) {
        this.memoize = memoize;
        this.stepLimit = stepLimit;
        this.model = model;
        this.ops = operations.toArray(new Operation[0]);
        this.budget = budget;
        this.readOnly = new boolean[ops.length];
        this.zobrist = new long[ops.length];
        SplittableRandom random = new SplittableRandom(0x5EED_0F_11E7L);
        int events = 0;
        for (int i = 0; i < ops.length; i++) {
            readOnly[i] = model.readOnly(ops[i]);
            if (memoize) {
                zobrist[i] = random.nextLong();
            }
            events += ops[i].status() == Status.UNKNOWN ? 1 : 2;
        }
        long[] order = sortedEvents(events);
        next = new int[events + 1];
        prev = new int[events + 1];
        opOfNode = new int[events + 1];
        returnOfCall = new int[events + 1];
        int[] callNode = new int[ops.length];
        twinBefore = new int[ops.length];
        placed = new boolean[ops.length];
        Map<List<Object>, Integer> lastUnknown = new HashMap<>();
        for (int e = 0; e < events; e++) {
            int node = e + 1;
            int op = (int) (order[e] >>> 1);
            boolean isReturn = (order[e] & 1) == 1;
            opOfNode[node] = op;
            if (isReturn) {
                returnOfCall[node] = RETURN_NODE;
                returnOfCall[callNode[op]] = node;
            } else {
                returnOfCall[node] = END;
                callNode[op] = node;
                Operation o = ops[op];
                Integer twin = o.status() == Status.UNKNOWN
                        ? lastUnknown.put(Arrays.asList(o.f(), o.key(), o.input()), op) : null;
                twinBefore[op] = twin == null ? -1 : twin;
            }
        }
        for (int node = 0; node <= events; node++) {
            next[node] = node == events ? END : node + 1;
            prev[node] = node - 1;
        }
    }

    /**
     * Events as (op << 1 | isReturn), sorted by position, calls before returns on ties: all calls
     * then all returns, stably sorted by position.
     */
    private long[] sortedEvents(int events) {
        long[] event = new long[events];
        long[] time = new long[events];
        int e = 0;
        for (int i = 0; i < ops.length; i++) {
            event[e] = (long) i << 1;
            time[e++] = ops[i].call();
        }
        for (int i = 0; i < ops.length; i++) {
            if (ops[i].status() == Status.UNKNOWN) {
                continue;
            }
            event[e] = ((long) i << 1) | 1;
            time[e++] = ops[i].ret();
        }
        int[] byTime = StableIndexSort.order(time, events);
        long[] sorted = new long[events];
        for (int i = 0; i < events; i++) {
            sorted[i] = event[byTime[i]];
        }
        return sorted;
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
        int[] frontier = memoize ? new int[ops.length + 1] : null;
        long linearizedHash = 0;
        int[] stackNode = new int[ops.length];
        Object[] stackState = new Object[ops.length];
        int depth = 0;
        S state = model.initial();
        int entry = next[HEAD];
        long iterations = 0;
        int cachedReported = 0;

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
            boolean backtrack;
            if (entry != END && returnOfCall[entry] != RETURN_NODE) {
                int op = opOfNode[entry];
                S after = model.step(state, ops[op]);
                backtrack = false;
                if (after != null && returnOfCall[entry] == END
                        && ((twinBefore[op] >= 0 && !placed[twinBefore[op]]) || model.equal(after, state))) {
                    after = null; // an unknown operation not worth placing now
                }
                if (after != null) {
                    // A forced step (the only call before the first return) is not cached: the
                    // configuration before it already is.
                    boolean forced = entry == next[HEAD] && next[entry] == returnOfCall[entry];
                    lift(entry);
                    if (cache == null || forced
                            || cache.add(frontier, frontier(frontier), linearizedHash ^ zobrist[op], after)) {
                        linearizedHash ^= zobrist[op];
                        placed[op] = true;
                        stackNode[depth] = entry;
                        stackState[depth] = state;
                        recordPush(stackNode, depth);
                        depth++;
                        state = after;
                        if (ops[op].status() == Status.OK) {
                            okLeft--;
                        }
                        entry = next[HEAD];
                        continue;
                    }
                    unlift(entry);
                    backtrack = readOnly[op];
                }
                if (!backtrack) {
                    entry = next[entry];
                    continue;
                }
            }
            // A return reached (or a read-only operation whose continuation is known to fail):
            // the current configuration fails; undo the last choice and try the next one.
            boolean popAgain;
            do {
                if (depth == 0) {
                    return new Outcome(Verdict.NOT_LINEARIZABLE, Arrays.copyOf(bestPrefix, bestLength));
                }
                depth--;
                if (agreeing > depth) {
                    agreeing = depth;
                }
                entry = stackNode[depth];
                state = cast(stackState[depth]);
                stackState[depth] = null;
                int op = opOfNode[entry];
                linearizedHash ^= zobrist[op];
                placed[op] = false;
                unlift(entry);
                if (ops[op].status() == Status.OK) {
                    okLeft++;
                }
                popAgain = readOnly[op];
            } while (popAgain);
            entry = next[entry];
        }
        int[] order = new int[depth];
        for (int i = 0; i < depth; i++) {
            order[i] = opOfNode[stackNode[i]];
        }
        return new Outcome(Verdict.LINEARIZABLE, order);
    }

    /**
     * Writes the current linearized set's frontier into {@code into} and returns its length: the
     * first return node left in the list ({@code END} when none is), then the call nodes before
     * it. It determines the set exactly: an operation called before that return is linearized
     * unless its call is still in the list (its return, which would come first, is gone), and an
     * operation called after it cannot be linearized yet (every linearized operation was a call
     * before the first return of its time, and that return has not moved backwards since).
     */
    private int frontier(int[] into) {
        int length = 1;
        int node = next[HEAD];
        while (node != END && returnOfCall[node] != RETURN_NODE) {
            into[length++] = node;
            node = next[node];
        }
        into[0] = node;
        return length;
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
            bestPrefix[i] = opOfNode[stackNode[i]];
        }
        bestLength = position + 1;
        agreeing = position + 1;
    }

    private void lift(int call) {
        next[prev[call]] = next[call];
        if (next[call] != END) {
            prev[next[call]] = prev[call];
        }
        int ret = returnOfCall[call];
        if (ret != END) {
            next[prev[ret]] = next[ret];
            if (next[ret] != END) {
                prev[next[ret]] = prev[ret];
            }
        }
    }

    private void unlift(int call) {
        int ret = returnOfCall[call];
        if (ret != END) {
            next[prev[ret]] = ret;
            if (next[ret] != END) {
                prev[next[ret]] = ret;
            }
        }
        next[prev[call]] = call;
        if (next[call] != END) {
            prev[next[call]] = call;
        }
    }

    @SuppressWarnings("unchecked")
    private S cast(Object value) {
        return (S) value;
    }
}
