package dev.heddle.check;

import java.util.ArrayList;
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
 * A configuration's candidates are the calls before the list's first return: linearizing one
 * lifts its call and return out of the list; when none is left that leads anywhere, that first
 * return's operation can no longer be linearized in time, so the search backtracks. Unknown
 * operations have no return event: they may be linearized at any time after their call, or
 * never, and the search succeeds once every completed operation is linearized.
 *
 * <p>What makes it fast: the list is two int arrays; the linearized set is never materialized:
 * its Zobrist hash is updated in O(1) per step, and the cache stores it as its frontier (the
 * first return left and the candidates, as many as the operations pending there), not for
 * forced steps (one candidate, whose return is the first: no alternative to prune), where
 * Porcupine clones a bitset of the whole part per step; read-only operations are tried first,
 * and one that is legal is committed without trying alternatives (if a configuration fails
 * after such a read, so does the one before it); the longest prefix for the counterexample is
 * kept in amortized O(1) per step.
 *
 * <p>Twins, operations that are the same request with the same outcome, are placed in call
 * order when the one called first also returned no later ({@link #twinBefore(int, Map)}): any
 * linearization can be reordered so. For unknown operations (Jepsen's {@code :info}), which never
 * return, that is every pair, and it matters most there: each unknown operation may be placed or
 * not, which would double the configurations, and with values drawn from a few many of them are
 * the same request. One more rule for those: an unknown operation is not placed where it changes
 * nothing, since leaving it unplaced keeps every option open. On Porcupine's etcd logs (77
 * operations, 19 unknown) the two rules took the slowest from 220 ms to 21 ms. Unknown
 * operations are not in the list: each kind of them (one request) offers its first member not
 * yet placed, once called.
 *
 * <p>The model may collapse states that no operation left can tell apart ({@link ObservedStates}).
 *
 * <p>A search that stops getting deeper restarts with its candidates in another order ({@link #FIRST_RESTART}),
 * keeping in its cache every configuration it explored to the end: those failed whatever the
 * order, so a restart loses only the path it was on. Depth-first search has heavy tails (one wrong
 * turn near the root of a linearizable history and it may explore millions of configurations
 * below it); on a KV key with 190 operations, 19 at once, values repeating, one order ran
 * 30 s without an answer and restarts found a linearization in under a second.
 */
final class WingGongSearch<S> {
    /** The list's first node, before every event. */
    private static final int HEAD = 0;
    /** No node: past the list's last node, and the return of an unknown operation's call. */
    private static final int END = -1;
    /** {@link #returnOfCall}'s entry for a return node, which tells calls and returns apart. */
    private static final int RETURN_NODE = -2;
    private static final int BUDGET_CHECK_MASK = 1023;
    /**
     * The memoized search starts again when it has gone this many steps without getting deeper
     * than before in this attempt, then twice as many each time, with candidates in another order
     * (see {@link #ranks}): a search that took a wrong turn early can spend minutes below it, and
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

    // The event list: node 0 is the head, then one node per event in time order.
    private final int[] next;
    private final int[] prev;
    private final int[] opOfNode;
    private final int[] returnOfCall; // for call nodes: their return node, END for unknown ops; RETURN_NODE for return nodes
    private final long[] zobrist;
    /** Each operation's twin that must be placed before it, or -1: see {@link #twinBefore(int, Map)}. */
    private final int[] twinBefore;
    private final boolean[] placed;
    /** An unknown operation's kind (its twins and it), -1 for completed ones. */
    private final int[] kindOf;
    /** Each kind's call nodes in call order, and how many of them are placed (the first ones). */
    private final int[][] kindNodes;
    private final int[] kindPlaced;
    /** Each kind's first unplaced member's call node, {@link Integer#MAX_VALUE} when none is left. */
    private final int[] kindHead;
    /** Each call node's rank in the order candidates are tried (see {@link #ranks}). */
    private int[] priorityOfNode;

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
        // The optimistic search, which has a few steps per operation, does without twins.
        Map<List<Object>, List<Integer>> sameRequest = memoize ? new HashMap<>() : null;
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
                twinBefore[op] = memoize ? twinBefore(op, sameRequest) : -1;
            }
        }
        // Unknown operations are not in the list: each kind of them (one request, see
        // twinBefore) offers its first member not yet placed, once called (see frontier).
        kindOf = new int[ops.length];
        List<List<Integer>> kinds = new ArrayList<>();
        int last = HEAD;
        for (int node = 1; node <= events; node++) {
            int op = opOfNode[node];
            if (returnOfCall[node] == END) {
                int kind = twinBefore[op] < 0 ? kinds.size() : kindOf[twinBefore[op]];
                if (kind == kinds.size()) {
                    kinds.add(new ArrayList<>());
                }
                kindOf[op] = kind;
                kinds.get(kind).add(node);
                continue;
            }
            kindOf[op] = -1;
            next[last] = node;
            prev[node] = last;
            last = node;
        }
        next[last] = END;
        kindNodes = new int[kinds.size()][];
        for (int k = 0; k < kinds.size(); k++) {
            kindNodes[k] = kinds.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        kindPlaced = new int[kinds.size()];
        kindHead = new int[kinds.size()];
        for (int k = 0; k < kinds.size(); k++) {
            kindHead[k] = kindNodes[k][0];
        }
        priorityOfNode = new int[events + 1];
        prioritize(ranks(null));
    }

    private void prioritize(int[] ranks) {
        for (int node = 1; node < priorityOfNode.length; node++) {
            priorityOfNode[node] = ranks[opOfNode[node]];
        }
    }

    /** Marks {@code op} placed or not, and moves its kind's first unplaced member if it is unknown. */
    private void setPlaced(int op, boolean isPlaced) {
        placed[op] = isPlaced;
        if (kindOf[op] >= 0) {
            int kind = kindOf[op];
            kindPlaced[kind] += isPlaced ? 1 : -1;
            kindHead[kind] = kindPlaced[kind] < kindNodes[kind].length ? kindNodes[kind][kindPlaced[kind]]
                    : Integer.MAX_VALUE;
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

    /**
     * The order candidates are tried in, as each operation's rank: completed read-only operations
     * first (one that is legal is linearized at once, see {@link Model#readOnly}, so the search
     * does not try every order of the writes called before it while it waits for a state it could
     * have had at once), then the others. Within each, by call on the first attempt; on a
     * restart, completed operations by a point drawn at random in their interval, another guess
     * at where each took effect.
     */
    private int[] ranks(SplittableRandom restart) {
        long[] point = new long[ops.length];
        for (int i = 0; i < ops.length; i++) {
            Operation o = ops[i];
            point[i] = o.status() == Status.UNKNOWN || readOnly[i] || restart == null ? o.call()
                    : o.call() + restart.nextLong(o.ret() - o.call() + 1);
        }
        int[] byPoint = StableIndexSort.order(point, ops.length);
        int[] rank = new int[ops.length];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i : byPoint) {
                boolean first = readOnly[i] && ops[i].status() != Status.UNKNOWN;
                if (first == (pass == 0)) {
                    rank[i] = next++;
                }
            }
        }
        return rank;
    }

    /**
     * The operation called last before {@code op} that is the same request with the same outcome
     * and returned no later (an unknown operation never returns), or -1. The search places such
     * twins in call order: in any linearization where the later one comes first, swapping the
     * two keeps every step legal and real time respected, so this order loses nothing.
     */
    private int twinBefore(int op, Map<List<Object>, List<Integer>> sameRequest) {
        Operation o = ops[op];
        List<Integer> earlier = sameRequest.computeIfAbsent(
                Arrays.asList(o.f(), o.key(), o.input(), o.output(), o.status()), k -> new ArrayList<>());
        int twin = -1;
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (ops[earlier.get(i)].ret() <= o.ret()) {
                twin = earlier.get(i);
                break;
            }
        }
        earlier.add(op);
        return twin;
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
        end[0] = frontier(arena, 0);
        byPriority(arena, 0, end[0]);
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
                    int length = frontier(arena, base[depth]);
                    cache.remove(arena, base[depth], length, stackHash[depth], cast(stackState[depth]));
                    int op = opOfNode[stackNode[depth - 1]];
                    setPlaced(op, false);
                    if (observed != null) {
                        observed.unlinearized(op);
                    }
                    unlift(stackNode[depth - 1]);
                    if (ops[op].status() == Status.OK) {
                        okLeft++;
                    }
                    stackState[depth] = null;
                }
                agreeing = 0;
                linearizedHash = 0;
                state = cast(stackState[0]);
                restarts++;
                prioritize(ranks(new SplittableRandom(restarts)));
                patience = firstRestart << Math.min(restarts, 40);
                restartAt = iterations + patience;
                attemptDeepest = 0;
                end[0] = frontier(arena, 0);
                byPriority(arena, 0, end[0]);
                cursor[0] = 1;
                continue;
            }
            if (cursor[depth] < end[depth]) {
                int from = base[depth];
                int entry = arena[from + cursor[depth]++];
                int op = opOfNode[entry];
                S after = model.step(state, ops[op]);
                if (after != null && returnOfCall[entry] == END && model.equal(after, state)) {
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
                boolean forced = end[depth] == 2 && returnOfCall[entry] == arena[from];
                lift(entry);
                setPlaced(op, true);
                int next = from + end[depth];
                if (next + ops.length + 1 > arena.length) {
                    arena = Arrays.copyOf(arena, Math.max(arena.length * 2, next + ops.length + 1));
                }
                int length = frontier(arena, next);
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
                    byPriority(arena, next, length);
                    base[depth] = next;
                    end[depth] = length;
                    cursor[depth] = 1;
                    continue;
                }
                unlift(entry);
                setPlaced(op, false);
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
                int op = opOfNode[entry];
                linearizedHash ^= zobrist[op];
                setPlaced(op, false);
                if (observed != null) {
                    observed.unlinearized(op);
                }
                unlift(entry);
                if (ops[op].status() == Status.OK) {
                    okLeft++;
                }
                popAgain = readOnly[op];
            } while (popAgain);
        }
        int[] order = new int[depth];
        for (int i = 0; i < depth; i++) {
            order[i] = opOfNode[stackNode[i]];
        }
        return new Outcome(Verdict.LINEARIZABLE, order);
    }

    /**
     * Writes the current configuration's frontier into {@code into} from {@code offset} and
     * returns its length: the first return node left in the list ({@code END} when none is),
     * then the call nodes before it, the candidates, in list order, less those whose twin before
     * them is not linearized either (they may not be placed yet, and are known not to be). It
     * determines the linearized set exactly: an operation called before that return is linearized unless its call is still
     * in the list (its return, which would come first, is gone), and an operation called after it
     * cannot be linearized yet (every linearized operation was a call before the first return of
     * its time, and that return has not moved backwards since).
     */
    private int frontier(int[] into, int offset) {
        int length = 1;
        int node = next[HEAD];
        while (node != END && returnOfCall[node] != RETURN_NODE) {
            int twin = twinBefore[opOfNode[node]];
            if (twin < 0 || placed[twin]) {
                into[offset + length++] = node;
            }
            node = next[node];
        }
        into[offset] = node;
        int calledBefore = node == END ? Integer.MAX_VALUE : node; // a kind with none left has MAX_VALUE
        for (int call : kindHead) {
            if (call < calledBefore) {
                into[offset + length++] = call;
            }
        }
        return length;
    }

    /** Sorts a frontier's candidates into the order they are tried. They are few: insertion sort. */
    private void byPriority(int[] frontier, int offset, int length) {
        for (int i = offset + 2; i < offset + length; i++) {
            int node = frontier[i];
            int key = priorityOfNode[node];
            int j = i;
            while (j > offset + 1 && priorityOfNode[frontier[j - 1]] > key) {
                frontier[j] = frontier[j - 1];
                j--;
            }
            frontier[j] = node;
        }
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

    /** Takes a completed operation's call and return out of the list; unknown ones are not in it. */
    private void lift(int call) {
        int ret = returnOfCall[call];
        if (ret == END) {
            return;
        }
        next[prev[call]] = next[call];
        if (next[call] != END) {
            prev[next[call]] = prev[call];
        }
        next[prev[ret]] = next[ret];
        if (next[ret] != END) {
            prev[next[ret]] = prev[ret];
        }
    }

    private void unlift(int call) {
        int ret = returnOfCall[call];
        if (ret == END) {
            return;
        }
        next[prev[ret]] = ret;
        if (next[ret] != END) {
            prev[next[ret]] = ret;
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
