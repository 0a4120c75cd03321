package dev.heddle.bench;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The baseline LinBench measures the Heddle checker against: Porcupine's algorithm
 * (github.com/anishathalye/porcupine, {@code checker.go}), written anew in Java so that both run
 * in the same JVM on the same models. It is the Wing–Gong search as refined by Lowe ("Testing for
 * linearizability", 2017): the history is a doubly linked list of call and return entries;
 * linearizing an operation lifts its call and return out of the list, backtracking unlifts them;
 * every configuration reached, a (linearized operations as a bitset, model state) pair, goes into
 * a cache, and a step into a configuration already cached is not taken again. The history is
 * first split by the model's partition (P-compositionality, Horn and Kroening 2015) and the parts
 * are checked concurrently, one virtual thread each as Porcupine runs one goroutine each,
 * stopping at the first illegal part.
 *
 * <p>Porcupine has no search-time shortcuts (no fast path for reads, no polynomial deciders);
 * neither has this. It shares with the Heddle checker only the model's preparation of failed and
 * unknown operations, so that both check the same history. An unknown operation (Jepsen's
 * {@code :info}) has no return entry, as if it returned after everything: the search may
 * linearize it anywhere after its call, and is done once every completed operation is
 * linearized, the unknown ones left having never taken effect.
 */
final class PorcupineBaseline {
    private PorcupineBaseline() {
    }

    /** The verdict, or {@link Verdict#UNKNOWN} when {@code deadlineNanos} (of System.nanoTime) passes. */
    static <S> Verdict check(Model<S> model, List<Operation> history, long deadlineNanos) {
        List<Operation> prepared = history.stream().map(model::prepare).filter(Objects::nonNull)
                .filter(op -> op.status() != Status.UNKNOWN || !model.readOnly(op)).toList();
        List<List<Operation>> parts = model.partition(prepared);
        if (parts.size() == 1) return checkPart(model, parts.getFirst(), deadlineNanos, new AtomicBoolean());
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Verdict>> verdicts = new ArrayList<>();
            for (List<Operation> part : parts) {
                verdicts.add(threads.submit(() -> {
                    Verdict verdict = checkPart(model, part, deadlineNanos, stop);
                    if (verdict == Verdict.NOT_LINEARIZABLE) stop.set(true);
                    return verdict;
                }));
            }
            Verdict result = Verdict.LINEARIZABLE;
            for (Future<Verdict> verdict : verdicts) {
                Verdict part = verdict.get();
                if (part == Verdict.NOT_LINEARIZABLE) return part;
                if (part == Verdict.UNKNOWN) result = Verdict.UNKNOWN;
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.UNKNOWN;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Porcupine baseline failed on model " + model.name()
                    + ": " + e.getCause(), e.getCause());
        }
    }

    /** One entry of the list: an operation's call or return. */
    private static final class Entry {
        final Operation op;
        final int id;
        final boolean call;
        Entry match; // a call's return, null for unknown operations
        Entry prev;
        Entry next;

        Entry(Operation op, int id, boolean call) {
            this.op = op;
            this.id = id;
            this.call = call;
        }
    }

    /** A configuration in the cache: which operations are linearized, and the state they left. */
    private record Configuration<S>(long[] linearized, S state) {
    }

    private static <S> Verdict checkPart(Model<S> model, List<Operation> ops, long deadlineNanos, AtomicBoolean stop) {
        List<Entry> entries = new ArrayList<>();
        int okLeft = 0;
        for (int id = 0; id < ops.size(); id++) {
            Operation op = ops.get(id);
            Entry call = new Entry(op, id, true);
            entries.add(call);
            if (op.status() == Status.OK) {
                okLeft++;
                call.match = new Entry(op, id, false);
                entries.add(call.match);
            }
        }
        entries.sort(Comparator.comparingLong((Entry e) -> e.call ? e.op.call() : e.op.ret())
                .thenComparing(e -> !e.call));
        Entry head = new Entry(null, -1, false);
        Entry last = head;
        for (Entry entry : entries) {
            last.next = entry;
            entry.prev = last;
            last = entry;
        }
        // Porcupine keys its cache by the bitset's hash and compares bitsets and states within a bucket.
        Map<Integer, List<Configuration<S>>> cache = new HashMap<>();
        long[] linearized = new long[(ops.size() + 63) / 64];
        List<Entry> calls = new ArrayList<>();
        List<S> states = new ArrayList<>();
        S state = model.initial();
        Entry entry = head.next;
        long steps = 0;
        while (okLeft > 0) {
            if ((++steps & 1023) == 0 && (stop.get() || System.nanoTime() - deadlineNanos > 0)) return Verdict.UNKNOWN;
            if (entry != null && entry.call) {
                S after = model.step(state, entry.op);
                if (after != null) {
                    long[] next = linearized.clone();
                    next[entry.id >>> 6] |= 1L << entry.id;
                    if (cacheAdd(model, cache, next, after)) {
                        calls.add(entry);
                        states.add(state);
                        state = after;
                        linearized = next;
                        lift(entry);
                        if (entry.op.status() == Status.OK) okLeft--;
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
                continue;
            }
            if (calls.isEmpty()) return Verdict.NOT_LINEARIZABLE;
            Entry top = calls.removeLast();
            state = states.removeLast();
            linearized = linearized.clone();
            linearized[top.id >>> 6] &= ~(1L << top.id);
            unlift(top);
            if (top.op.status() == Status.OK) okLeft++;
            entry = top.next;
        }
        return Verdict.LINEARIZABLE;
    }

    /** Adds the configuration unless it is cached already; true when it was new. */
    private static <S> boolean cacheAdd(Model<S> model, Map<Integer, List<Configuration<S>>> cache,
                                        long[] linearized, S state) {
        List<Configuration<S>> bucket = cache.computeIfAbsent(Arrays.hashCode(linearized), h -> new ArrayList<>());
        for (Configuration<S> seen : bucket) {
            if (Arrays.equals(seen.linearized(), linearized) && model.equal(seen.state(), state)) return false;
        }
        bucket.add(new Configuration<>(linearized, state));
        return true;
    }

    private static void lift(Entry call) {
        call.prev.next = call.next;
        if (call.next != null) call.next.prev = call.prev;
        Entry ret = call.match;
        if (ret != null) {
            ret.prev.next = ret.next;
            if (ret.next != null) ret.next.prev = ret.prev;
        }
    }

    private static void unlift(Entry call) {
        Entry ret = call.match;
        if (ret != null) {
            ret.prev.next = ret;
            if (ret.next != null) ret.next.prev = ret;
        }
        call.prev.next = call;
        if (call.next != null) call.next.prev = call;
    }
}
