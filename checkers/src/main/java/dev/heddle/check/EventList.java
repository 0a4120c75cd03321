package dev.heddle.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A partition's history as {@link WingGongSearch} walks it: call and return events in one doubly
 * linked list in time order (calls first on ties), two int arrays. A configuration's candidates
 * are the calls before the list's first return; linearizing one lifts its call and return out of
 * the list, backtracking puts them back.
 *
 * <p>Twins, operations that are the same request with the same outcome, are placed in call
 * order when the one called first also returned no later ({@link #twinBefore(int, Map)}): any
 * linearization can be reordered so. For unknown operations (Jepsen's {@code :info}), which never
 * return, that is every pair, and it matters most there: each may be placed or not, which would
 * double the configurations, and with values drawn from a few many of them are the same request.
 * Unknown operations are not in the list: each kind of them (one request) offers its first member
 * not yet placed, once called.
 *
 * <p>Candidates are tried in an order ({@link #ranks}): reads first, then by call, or on a
 * restart by a point drawn at random in each interval.
 */
final class EventList {
    /** The list's first node, before every event. */
    static final int HEAD = 0;
    /** No node: past the list's last node, and the return of an unknown operation's call. */
    static final int END = -1;
    /** {@link #returnOfCall}'s entry for a return node, which tells calls and returns apart. */
    static final int RETURN_NODE = -2;

    private final Operation[] ops;
    private final boolean[] readOnly;
    // Node 0 is the head, then one node per event in time order.
    private final int[] next;
    private final int[] prev;
    /** Each node's operation. */
    final int[] opOfNode;
    /** For call nodes their return node, END for unknown operations; RETURN_NODE for return nodes. */
    final int[] returnOfCall;
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
    private final int[] priorityOfNode;

    /**
     * @param twins false for the optimistic search, which has a few steps per operation and does
     *              without them (each unknown operation is then a kind of its own)
     */
    EventList(Operation[] ops, boolean[] readOnly, boolean twins) {
        this.ops = ops;
        this.readOnly = readOnly;
        int events = 0;
        for (Operation op : ops) {
            events += op.status() == Status.UNKNOWN ? 1 : 2;
        }
        long[] order = sortedEvents(events);
        next = new int[events + 1];
        prev = new int[events + 1];
        opOfNode = new int[events + 1];
        returnOfCall = new int[events + 1];
        int[] callNode = new int[ops.length];
        twinBefore = new int[ops.length];
        placed = new boolean[ops.length];
        Map<List<Object>, List<Integer>> sameRequest = twins ? new HashMap<>() : null;
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
                twinBefore[op] = twins ? twinBefore(op, sameRequest) : -1;
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
        prioritize(null);
    }

    /** Orders the candidates by call, or with {@code restart} by a random point in each interval. */
    void prioritize(SplittableRandom restart) {
        int[] ranks = ranks(restart);
        for (int node = 1; node < priorityOfNode.length; node++) {
            priorityOfNode[node] = ranks[opOfNode[node]];
        }
    }

    /** True for the call node of an unknown operation, which has no return. */
    boolean unknown(int call) {
        return returnOfCall[call] == END;
    }

    /** Marks {@code op} placed or not, and moves its kind's first unplaced member if it is unknown. */
    void setPlaced(int op, boolean isPlaced) {
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
    int frontier(int[] into, int offset) {
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
    void byPriority(int[] frontier, int offset, int length) {
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

    /** Takes a completed operation's call and return out of the list; unknown ones are not in it. */
    void lift(int call) {
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

    void unlift(int call) {
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
}
