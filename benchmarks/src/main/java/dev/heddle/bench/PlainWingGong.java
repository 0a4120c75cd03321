package dev.heddle.bench;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The baseline LinBench measures against: Wing and Gong's backtracking search exactly as
 * published, with no memoization and no shortcut for reads. It uses the same models, the same
 * preparation of failed and unknown operations and the same partitions as the Heddle checker,
 * so that the difference measured is the search itself.
 */
final class PlainWingGong {
    private PlainWingGong() {
    }

    /** The verdict, or {@link Verdict#UNKNOWN} when {@code deadlineNanos} (of System.nanoTime) passes. */
    static <S> Verdict check(Model<S> model, List<Operation> history, long deadlineNanos) {
        List<Operation> prepared = history.stream().map(model::prepare).filter(Objects::nonNull)
                .filter(op -> op.status() != Status.UNKNOWN || !model.readOnly(op)).toList();
        for (List<Operation> part : model.partition(prepared)) {
            Verdict verdict = checkPart(model, part, deadlineNanos);
            if (verdict != Verdict.LINEARIZABLE) return verdict;
        }
        return Verdict.LINEARIZABLE;
    }

    /** One event of the history: an operation's call or return. */
    private static final class Event {
        final Operation op;
        final boolean call;
        Event match; // a call's return, null for unknown operations
        Event prev;
        Event next;

        Event(Operation op, boolean call) {
            this.op = op;
            this.call = call;
        }
    }

    private static <S> Verdict checkPart(Model<S> model, List<Operation> ops, long deadlineNanos) {
        List<Event> events = new ArrayList<>();
        int okLeft = 0;
        for (Operation op : ops) {
            Event call = new Event(op, true);
            events.add(call);
            if (op.status() == Status.OK) {
                okLeft++;
                call.match = new Event(op, false);
                events.add(call.match);
            }
        }
        events.sort(Comparator.comparingLong((Event e) -> e.call ? e.op.call() : e.op.ret())
                .thenComparing(e -> !e.call));
        Event head = new Event(null, false);
        Event last = head;
        for (Event event : events) {
            last.next = event;
            event.prev = last;
            last = event;
        }
        List<Event> stack = new ArrayList<>();
        List<S> states = new ArrayList<>();
        S state = model.initial();
        Event entry = head.next;
        long steps = 0;
        while (okLeft > 0) {
            if ((++steps & 1023) == 0 && System.nanoTime() - deadlineNanos > 0) return Verdict.UNKNOWN;
            if (entry != null && entry.call) {
                S after = model.step(state, entry.op);
                if (after != null) {
                    stack.add(entry);
                    states.add(state);
                    state = after;
                    remove(entry);
                    if (entry.op.status() == Status.OK) okLeft--;
                    entry = head.next;
                } else {
                    entry = entry.next;
                }
                continue;
            }
            if (stack.isEmpty()) return Verdict.NOT_LINEARIZABLE;
            Event top = stack.removeLast();
            state = states.removeLast();
            restore(top);
            if (top.op.status() == Status.OK) okLeft++;
            entry = top.next;
        }
        return Verdict.LINEARIZABLE;
    }

    private static void remove(Event call) {
        call.prev.next = call.next;
        if (call.next != null) call.next.prev = call.prev;
        Event ret = call.match;
        if (ret != null) {
            ret.prev.next = ret.next;
            if (ret.next != null) ret.next.prev = ret.prev;
        }
    }

    private static void restore(Event call) {
        Event ret = call.match;
        if (ret != null) {
            ret.prev.next = ret;
            if (ret.next != null) ret.next.prev = ret;
        }
        call.prev.next = call;
        if (call.next != null) call.next.prev = call;
    }
}
