package dev.heddle.check.fast;

import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.StableIndexSort;
import dev.heddle.check.Status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The decision procedure shared by the unique-value register, CAS-register and key-value
 * deciders: a register-like object where every value is written by at most one operation.
 *
 * <p>Operations are given as events over value ids ({@code 0} is the initial value, written by a
 * virtual operation before everything): a plain {@link #WRITE} of a value; a {@link #SWAP} that
 * writes a value and must run while the register holds its predecessor (a successful
 * compare-and-set {@code a -> b}, or an {@code append} whose resulting state a read revealed);
 * a {@link #READ} of a value; a {@link #NOT_READ} that must run while the register holds anything
 * but its value (a compare-and-set whose compare failed).
 *
 * <p><b>Theory.</b> Because each value is written once, in any linearization the operations on a
 * value (its write, then its reads) form one contiguous <i>block</i>, and a swap's block directly
 * follows its predecessor's: the blocks of a chain of swaps form one contiguous <i>super-block</i>
 * in a fixed inner order. A linearization is then exactly a total order of super-blocks that
 * respects real time, with each block's write first. Writing {@code f(X)} for the earliest
 * return and {@code s(X)} for the latest call in X, real time forces X before Y exactly when
 * {@code f(X) < s(Y)}. So, without {@code NOT_READ} events, the history is linearizable iff
 * (1) every read's value is written, no read returns before its write is called and no two
 * effective swaps share a predecessor; (2) every chain starts at a plain write and respects
 * its inner order ({@code f(later) >= s(earlier)}); (3) the relation {@code f(X) < s(Y)} on
 * super-blocks is acyclic. This is the cluster/zone characterization of Gibbons and Korach
 * (<i>Testing shared memories</i>, SIAM J. Comput. 26(4), 1997) for read/write registers with
 * unique written values; two super-blocks form a 2-cycle exactly when their "forward zones"
 * overlap or a "backward zone" lies inside a forward zone (Golab, Li and Shah, PODC 2011).
 * Chains of swaps are the extension to CAS and appends. Acyclicity is checked with Kahn's
 * algorithm, where a super-block Y is a source iff {@code s(Y) <= min f} over the others; only
 * the block of least {@code f} and the other block of least {@code s} need to be tried, so
 * the whole check is O(n log n) (sorting).
 *
 * <p><b>Unknown operations.</b> An unknown write whose value is never observed (read, or the
 * predecessor of an effective swap) may be taken never to have happened: removing an unobserved
 * write from a linearization leaves it legal, since only a plain write can follow it. An
 * observed one happened, with no return bound.
 *
 * <p><b>Failed compares</b> ({@code NOT_READ}) are not part of the theory above. They are
 * read-only, so a history that is not linearizable without them is not linearizable with them.
 * Otherwise the order found is a witness into which each failed compare is inserted at the first
 * position its interval allows where the register does not hold its value; the result is
 * checked against real time and replayed on the value ids (and on the model, when a replay is given).
 * If that fails the decider declines and the general search decides. The verdict LINEARIZABLE
 * is always backed by such a verified witness.
 */
final class UniqueWriteOrder {
    static final int WRITE = 0;
    static final int SWAP = 1;
    static final int READ = 2;
    static final int NOT_READ = 3;

    /** The initial value's id; a virtual write before everything writes it. */
    static final int INITIAL_VALUE = 0;
    /** No event, value or chain: the writer of a value never written, the predecessor of a plain write. */
    static final int NONE = -1;

    private final List<Operation> ops;
    private final IntArray kind;
    private final IntArray value;
    private final IntArray pred;
    private int values = 1;

    /** @param expected about how many events will be added */
    UniqueWriteOrder(int expected) {
        ops = new ArrayList<>(expected);
        kind = new IntArray(expected);
        value = new IntArray(expected);
        pred = new IntArray(expected);
    }

    /** A fresh value id. */
    int newValue() {
        return values++;
    }

    /** An event without a predecessor: anything but a {@link #SWAP}. */
    void add(Operation op, int eventKind, int eventValue) {
        add(op, eventKind, eventValue, NONE);
    }

    void add(Operation op, int eventKind, int eventValue, int predecessor) {
        ops.add(op);
        kind.add(eventKind);
        value.add(eventValue);
        pred.add(predecessor);
    }

    /**
     * The decision, or empty when the history is outside the class (a value written twice) or
     * the witness with failed compares could not be built. The steps are those of the class
     * comment: the blocks and condition (1), the super-blocks and condition (2), their order and
     * condition (3), then the witness.
     *
     * @param replays    whether the model accepts the witness, or null to verify it on the value ids only
     * @param showValue  names a value id in explanations
     */
    Optional<PolynomialDecider.Decision> decide(Predicate<List<Operation>> replays, IntFunction<String> showValue) {
        int[] writer = writers();
        if (writer == null) {
            return Optional.empty(); // a value written twice: not a unique-value history
        }
        Blocks blocks = new Blocks(writer, effectiveWrites(writer), showValue);
        String violation = blocks.formBlocks();
        if (violation == null) {
            violation = blocks.formSuperBlocks();
        }
        if (violation == null) {
            violation = blocks.orderSuperBlocks();
        }
        if (violation != null) {
            return Optional.of(new PolynomialDecider.Decision(false, "unique-value violation: " + violation));
        }
        List<Operation> witness = blocks.witness();
        if (witness == null || !consistentWithRealTime(witness) || (replays != null && !replays.test(witness))) {
            return Optional.empty();
        }
        return Optional.of(new PolynomialDecider.Decision(true, "", witness));
    }

    /**
     * Each value's write event, {@link #NONE} for a value never written and {@code ops.size()}
     * (the virtual write) for the initial value; null when a value is written twice.
     */
    private int[] writers() {
        int n = ops.size();
        int[] writer = new int[values];
        Arrays.fill(writer, NONE);
        writer[INITIAL_VALUE] = n;
        for (int e = 0; e < n; e++) {
            int k = kind.get(e);
            if (k == WRITE || k == SWAP) {
                if (writer[value.get(e)] != NONE) {
                    return null;
                }
                writer[value.get(e)] = e;
            }
        }
        return writer;
    }

    /**
     * The writes that took effect, by event (and the virtual write, last): completed ones, and
     * unknown ones whose value is observed, by a read or as the predecessor of an effective swap.
     */
    private boolean[] effectiveWrites(int[] writer) {
        int n = ops.size();
        boolean[] effective = new boolean[n + 1];
        effective[n] = true;
        boolean[] observed = new boolean[values];
        int[] work = new int[values];
        int top = 0;
        for (int e = 0; e < n; e++) {
            int k = kind.get(e);
            int v = NONE;
            if (k == READ) {
                v = value.get(e);
            } else if ((k == WRITE || k == SWAP) && ops.get(e).status() == Status.OK) {
                effective[e] = true;
            }
            if (k == SWAP && ops.get(e).status() == Status.OK) {
                v = pred.get(e);
            }
            if (v != NONE && !observed[v]) {
                observed[v] = true;
                work[top++] = v;
            }
        }
        while (top > 0) {
            int v = work[--top];
            int w = writer[v];
            if (w == NONE || w == n) {
                continue;
            }
            effective[w] = true;
            if (kind.get(w) == SWAP && !observed[pred.get(w)]) {
                observed[pred.get(w)] = true;
                work[top++] = pred.get(w);
            }
        }
        return effective;
    }

    private boolean hasFailedCompares() {
        for (int e = 0; e < ops.size(); e++) {
            if (kind.get(e) == NOT_READ) {
                return true;
            }
        }
        return false;
    }

    /**
     * The blocks and super-blocks of one decision, built in the order of the class comment. Each
     * step returns the violation it finds, in words, or null.
     */
    private final class Blocks {
        private final IntFunction<String> showValue;
        /** The event index that stands for the virtual write of the initial value. */
        private final int initialWrite = ops.size();
        private final int[] writer;
        private final boolean[] effective;

        // Per value, over its block (its write and its reads): f = least return, s = greatest
        // call, and the events that have them; and the effective swap from it.
        private final long[] f = new long[values];
        private final long[] s = new long[values];
        private final int[] fOp = new int[values];
        private final int[] sOp = new int[values];
        private final int[] successor = new int[values];

        // Per super-block (a chain of swaps from a plain write, or from the initial value): its
        // values in order, f and s, and the events that have them; and each value's chain.
        private final List<int[]> chains = new ArrayList<>();
        private final long[] chainF = new long[values];
        private final long[] chainS = new long[values];
        private final int[] chainFOp = new int[values + 1];
        private final int[] chainSOp = new int[values + 1];
        private final int[] chainOf = new int[values];

        // Super-blocks by f and by s, and the order Kahn's algorithm found.
        private int[] byF;
        private int[] byS;
        private int[] chainOrder;

        Blocks(int[] writer, boolean[] effective, IntFunction<String> showValue) {
            this.writer = writer;
            this.effective = effective;
            this.showValue = showValue;
        }

        /**
         * The blocks: f and s of each value over its write and its reads, and the effective swap
         * from each value. Condition (1): every read's value is written, no read returns before
         * its write is called, and no two effective swaps share a predecessor.
         */
        String formBlocks() {
            Arrays.fill(f, Long.MAX_VALUE);
            Arrays.fill(s, Long.MIN_VALUE);
            Arrays.fill(fOp, NONE);
            Arrays.fill(sOp, NONE);
            f[INITIAL_VALUE] = Long.MIN_VALUE;
            fOp[INITIAL_VALUE] = initialWrite;
            sOp[INITIAL_VALUE] = initialWrite;
            Arrays.fill(successor, NONE);
            for (int e = 0; e < ops.size(); e++) {
                int k = kind.get(e);
                Operation op = ops.get(e);
                if (k == READ) {
                    int v = value.get(e);
                    int w = writer[v];
                    if (w == NONE) {
                        return op + " reads " + showValue.apply(v) + ", which is never written";
                    }
                    if (w != initialWrite && op.ret() < ops.get(w).call()) {
                        return op + " returns before " + ops.get(w) + ", which writes its value, is called";
                    }
                } else if ((k == WRITE || k == SWAP) && effective[e]) {
                    if (k == SWAP) {
                        int p = pred.get(e);
                        if (writer[p] == NONE) {
                            return op + " needs " + showValue.apply(p) + " before it, which is never written";
                        }
                        if (successor[p] != NONE) {
                            return ops.get(successor[p]) + " and " + op + " both change "
                                    + showValue.apply(p) + ", which is written only once";
                        }
                        successor[p] = e;
                    }
                } else {
                    continue;
                }
                int v = value.get(e);
                if (op.ret() < f[v]) {
                    f[v] = op.ret();
                    fOp[v] = e;
                }
                if (op.call() > s[v]) {
                    s[v] = op.call();
                    sOp[v] = e;
                }
            }
            return null;
        }

        /**
         * The super-blocks: the chains of swaps, each from a plain write or the initial value.
         * Condition (2): every chain respects its inner order ({@code f(later) >= s(earlier)}),
         * and every effective write is in a chain that a plain write starts.
         */
        String formSuperBlocks() {
            Arrays.fill(chainOf, NONE);
            for (int v = 0; v < values; v++) {
                int w = writer[v];
                if (w == NONE || !effective[w] || (w != initialWrite && kind.get(w) == SWAP)) {
                    continue;
                }
                IntArray members = new IntArray();
                long maxS = Long.MIN_VALUE;
                int maxSOp = NONE;
                long minF = Long.MAX_VALUE;
                int minFOp = NONE;
                for (int u = v; u != NONE; u = successor[u] == NONE ? NONE : value.get(successor[u])) {
                    if (f[u] < maxS) {
                        return name(fOp[u]) + " finishes before " + name(maxSOp)
                                + " starts, but " + showValue.apply(u) + " can only be written after "
                                + showValue.apply(writtenValue(maxSOp)) + " by the chain of swaps "
                                + chainText(v, u);
                    }
                    if (s[u] > maxS) {
                        maxS = s[u];
                        maxSOp = sOp[u];
                    }
                    if (f[u] < minF) {
                        minF = f[u];
                        minFOp = fOp[u];
                    }
                    chainOf[u] = chains.size();
                    members.add(u);
                }
                chainFOp[chains.size()] = minFOp;
                chainSOp[chains.size()] = maxSOp;
                chains.add(members.toArray());
                chainF[chains.size() - 1] = minF;
                chainS[chains.size() - 1] = maxS;
            }
            for (int e = 0; e < ops.size(); e++) {
                int k = kind.get(e);
                if ((k == WRITE || k == SWAP) && effective[e] && chainOf[value.get(e)] == NONE) {
                    return ops.get(e) + " belongs to a chain of swaps that no write starts";
                }
            }
            return null;
        }

        /**
         * Condition (3), by Kahn's algorithm: X must precede Y iff {@code f(X) < s(Y)}, and Y is
         * a source iff {@code s(Y) <= min f} over the others, so only the super-block of least f
         * and the other one of least s need to be tried.
         */
        String orderSuperBlocks() {
            int m = chains.size();
            byF = StableIndexSort.order(chainF, m);
            byS = StableIndexSort.order(chainS, m);
            chainOrder = new int[m];
            boolean[] placed = new boolean[m];
            int fi = 0;
            int si = 0;
            for (int step = 0; step < m; step++) {
                while (placed[byF[fi]]) {
                    fi++;
                }
                while (placed[byS[si]]) {
                    si++;
                }
                int a = byF[fi];
                int secondF = fi + 1;
                while (secondF < m && placed[byF[secondF]]) {
                    secondF++;
                }
                long otherMinF = secondF < m ? chainF[byF[secondF]] : Long.MAX_VALUE;
                int pick = NONE;
                if (chainS[a] <= otherMinF) {
                    pick = a;
                } else {
                    int b = byS[si];
                    if (b == a) {
                        int next = si + 1;
                        while (next < m && placed[byS[next]]) {
                            next++;
                        }
                        b = next < m ? byS[next] : NONE;
                    }
                    if (b != NONE && chainS[b] <= chainF[a]) {
                        pick = b;
                    }
                    if (pick == NONE) {
                        int other = byF[secondF];
                        return name(chainFOp[other]) + " finishes before " + name(chainSOp[a])
                                + " starts, so " + showValue.apply(chains.get(other)[0]) + "'s operations must come first, but "
                                + name(chainFOp[a]) + " finishes before "
                                + (b != NONE ? name(chainSOp[b]) : "another operation") + " starts, so "
                                + showValue.apply(chains.get(a)[0]) + "'s operations must come before "
                                + (b != NONE ? showValue.apply(chains.get(b)[0]) + "'s" : "the others")
                                + "; no order of values satisfies real time";
                    }
                }
                placed[pick] = true;
                chainOrder[step] = pick;
            }
            return null;
        }

        /**
         * The witness, or null: super-blocks in order, each block's write first, then its reads
         * by call, with the failed compares inserted. Failed compares may need another order of
         * the same graph: then try sources by latest call, then by the middle of their zone.
         */
        List<Operation> witness() {
            ReadsByValue reads = new ReadsByValue();
            List<Operation> witness = witness(chainOrder, reads);
            if (witness == null && hasFailedCompares()) {
                List<Comparator<Integer>> priorities = List.of(
                        Comparator.comparingLong(c -> chainS[c]),
                        Comparator.comparingLong(c -> chainS[c] / 2 + chainF[c] / 2));
                for (Comparator<Integer> priority : priorities) {
                    witness = witness(orderBy(priority.thenComparingInt(c -> c)), reads);
                    if (witness != null) {
                        break;
                    }
                }
            }
            return witness;
        }

        private List<Operation> witness(int[] order, ReadsByValue reads) {
            IntArray base = new IntArray(ops.size());
            IntArray baseValue = new IntArray(ops.size());
            for (int c : order) {
                for (int v : chains.get(c)) {
                    int w = writer[v];
                    if (w != initialWrite) {
                        base.add(w);
                        baseValue.add(v);
                    }
                    for (int r = reads.start[v]; r < reads.start[v + 1]; r++) {
                        base.add(reads.list[r]);
                        baseValue.add(v);
                    }
                }
            }
            return insertFailedCompares(base, baseValue);
        }

        /**
         * A topological order of the (acyclic) super-block graph choosing, among the sources, the
         * least by {@code priority}. Every super-block whose latest call is at most the least
         * earliest return of the others is a source; as blocks are placed that bound only grows,
         * so sources are released once, by latest call, into a priority queue.
         */
        private int[] orderBy(Comparator<Integer> priority) {
            int m = byF.length;
            boolean[] placed = new boolean[m];
            boolean[] released = new boolean[m];
            PriorityQueue<Integer> sources = new PriorityQueue<>(priority);
            int fi = 0;
            int si = 0;
            int[] order = new int[m];
            for (int step = 0; step < m; step++) {
                while (placed[byF[fi]]) {
                    fi++;
                }
                int a = byF[fi];
                int secondF = fi + 1;
                while (secondF < m && placed[byF[secondF]]) {
                    secondF++;
                }
                long minF = chainF[a];
                while (si < m && chainS[byS[si]] <= minF) {
                    int c = byS[si++];
                    if (!placed[c] && !released[c]) {
                        released[c] = true;
                        sources.add(c);
                    }
                }
                boolean aIsSource = !released[a] && chainS[a] <= (secondF < m ? chainF[byF[secondF]] : Long.MAX_VALUE);
                int pick;
                if (aIsSource && (sources.isEmpty() || priority.compare(a, sources.peek()) < 0)) {
                    pick = a;
                } else {
                    pick = sources.poll();
                }
                placed[pick] = true;
                order[step] = pick;
            }
            return order;
        }

        private String name(int e) {
            return e == initialWrite ? "the initial value" : ops.get(e).toString();
        }

        private int writtenValue(int e) {
            return e == initialWrite ? INITIAL_VALUE : value.get(e);
        }

        private String chainText(int from, int to) {
            StringBuilder text = new StringBuilder(showValue.apply(from));
            for (int u = from; u != to && successor[u] != NONE; ) {
                u = value.get(successor[u]);
                text.append(" -> ").append(showValue.apply(u));
            }
            return text.toString();
        }
    }

    /** The reads of each value, by call: those of value v are {@code list[start[v] .. start[v + 1])}. */
    private final class ReadsByValue {
        final int[] start = new int[values + 1];
        final int[] list;

        ReadsByValue() {
            for (int e = 0; e < ops.size(); e++) {
                if (kind.get(e) == READ) {
                    start[value.get(e) + 1]++;
                }
            }
            for (int v = 0; v < values; v++) {
                start[v + 1] += start[v];
            }
            list = new int[start[values]];
            int[] fill = Arrays.copyOf(start, values);
            for (int e = 0; e < ops.size(); e++) {
                if (kind.get(e) == READ) {
                    list[fill[value.get(e)]++] = e;
                }
            }
            for (int v = 0; v < values; v++) {
                sortByCall(list, start[v], start[v + 1]);
            }
        }
    }

    /** Insertion sort of {@code events[from, to)} by call: blocks are short. */
    private void sortByCall(int[] events, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int e = events[i];
            long call = ops.get(e).call();
            int j = i - 1;
            while (j >= from && ops.get(events[j]).call() > call) {
                events[j + 1] = events[j];
                j--;
            }
            events[j + 1] = e;
        }
    }

    /** Each NOT_READ at the first gap its interval allows where the value differs, or null. */
    private List<Operation> insertFailedCompares(IntArray base, IntArray baseValue) {
        int b = base.size();
        List<Integer> failed = new ArrayList<>();
        for (int e = 0; e < ops.size(); e++) {
            if (kind.get(e) == NOT_READ) {
                failed.add(e);
            }
        }
        if (failed.isEmpty()) {
            return verified(base.toArray());
        }
        long[] prefixMaxCall = new long[b + 1]; // over base[0..g-1]
        long[] suffixMinRet = new long[b + 1];  // over base[g..b-1]
        prefixMaxCall[0] = Long.MIN_VALUE;
        for (int i = 0; i < b; i++) {
            prefixMaxCall[i + 1] = Math.max(prefixMaxCall[i], ops.get(base.get(i)).call());
        }
        suffixMinRet[b] = Long.MAX_VALUE;
        for (int i = b - 1; i >= 0; i--) {
            suffixMinRet[i] = Math.min(suffixMinRet[i + 1], ops.get(base.get(i)).ret());
        }
        // The gaps where each value holds: one range per value, since each is written once.
        int[] firstGap = new int[values];
        int[] lastGap = new int[values];
        Arrays.fill(firstGap, NONE);
        firstGap[INITIAL_VALUE] = 0;
        lastGap[INITIAL_VALUE] = 0;
        for (int g = 1; g <= b; g++) {
            int v = baseValue.get(g - 1);
            if (firstGap[v] == NONE) {
                firstGap[v] = g;
            }
            lastGap[v] = g;
        }
        List<IntArray> inGap = new ArrayList<>(b + 1);
        for (int g = 0; g <= b; g++) {
            inGap.add(null);
        }
        // By call: a failed compare that returned before another's call must not be placed after it.
        failed.sort(Comparator.comparingLong(e -> ops.get(e).call()));
        long[] rets = new long[failed.size()];
        for (int i = 0; i < rets.length; i++) {
            rets[i] = ops.get(failed.get(i)).ret();
        }
        Arrays.sort(rets);
        int[] maxGapByRet = new int[rets.length + 1]; // Fenwick tree of prefix maxima over rets; -1 is below every gap
        Arrays.fill(maxGapByRet, -1);
        for (int e : failed) {
            Operation op = ops.get(e);
            // lo: the first gap after which everything returns at or after the call.
            int lo = lowerBound(suffixMinRet, op.call());
            // hi: the last gap before which everything is called at or before the return.
            int hi = upperBound(prefixMaxCall, op.ret());
            // Failed compares placed earlier that returned before this call.
            int count = op.call() == Long.MIN_VALUE ? 0 : upperIndex(rets, op.call() - 1);
            for (int i = count; i > 0; i -= i & -i) {
                lo = Math.max(lo, maxGapByRet[i]);
            }
            int v = value.get(e);
            int gap = lo;
            if (firstGap[v] != NONE && gap >= firstGap[v] && gap <= lastGap[v]) {
                gap = lastGap[v] + 1;
            }
            if (gap > hi) {
                return null;
            }
            if (inGap.get(gap) == null) {
                inGap.set(gap, new IntArray());
            }
            inGap.get(gap).add(e);
            int index = upperIndex(rets, op.ret()); // 1-based position of this return among rets
            for (int i = index; i <= rets.length; i += i & -i) {
                maxGapByRet[i] = Math.max(maxGapByRet[i], gap);
            }
        }
        IntArray witness = new IntArray(b + failed.size());
        for (int g = 0; g <= b; g++) {
            IntArray here = inGap.get(g);
            if (here != null) {
                int[] sorted = here.toArray();
                sortByCall(sorted, 0, sorted.length);
                for (int e : sorted) {
                    witness.add(e);
                }
            }
            if (g < b) {
                witness.add(base.get(g));
            }
        }
        return verified(witness.toArray());
    }

    /**
     * The operations of {@code order} if it is legal on the value ids (each read sees its value,
     * each swap its predecessor, each failed compare another value), otherwise null.
     */
    private List<Operation> verified(int[] order) {
        int current = INITIAL_VALUE;
        List<Operation> result = new ArrayList<>(order.length);
        for (int e : order) {
            int v = value.get(e);
            switch (kind.get(e)) {
                case WRITE -> current = v;
                case SWAP -> {
                    if (current != pred.get(e)) {
                        return null;
                    }
                    current = v;
                }
                case READ -> {
                    if (current != v) {
                        return null;
                    }
                }
                default -> {
                    if (current == v) {
                        return null;
                    }
                }
            }
            result.add(ops.get(e));
        }
        return result;
    }

    /** The number of entries of sorted {@code values} that are {@code <= bound}. */
    private static int upperIndex(long[] values, long bound) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The least g with {@code suffixMinRet[g] >= call} (the array is non-decreasing). */
    private static int lowerBound(long[] suffixMinRet, long call) {
        int lo = 0;
        int hi = suffixMinRet.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (suffixMinRet[mid] >= call) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The greatest g with {@code prefixMaxCall[g] <= ret} (the array is non-decreasing). */
    private static int upperBound(long[] prefixMaxCall, long ret) {
        int lo = 0;
        int hi = prefixMaxCall.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (prefixMaxCall[mid] <= ret) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    static boolean consistentWithRealTime(List<Operation> order) {
        long minRetAfter = Long.MAX_VALUE;
        for (int i = order.size() - 1; i >= 0; i--) {
            Operation op = order.get(i);
            if (op.call() > minRetAfter) {
                return false;
            }
            minRetAfter = Math.min(minRetAfter, op.ret());
        }
        return true;
    }

    /** A growable int list. */
    static final class IntArray {
        private int[] items;
        private int size;

        IntArray() {
            this(16);
        }

        IntArray(int capacity) {
            items = new int[Math.max(16, capacity)];
        }

        void add(int item) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        int get(int index) {
            return items[index];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
