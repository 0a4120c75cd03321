package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns operations back into the Jepsen-style event stream that {@link InvocationPairing} reads:
 * an invocation per operation and, later, its completion, in an order that keeps the real-time
 * relations. Readers number events in file order, so positions are lost but "returned before
 * called" is kept.
 *
 * <p>Operations whose intervals touch ({@code a.ret == b.call}) are concurrent, so at one position
 * invocations come before completions. A client completing an earlier operation and invoking at
 * the same position must complete first (a process has one pending invocation); such pairs come
 * between the other invocations and the other completions, so only two such pairs at one position
 * lose their concurrency with each other. An unknown operation is completed with {@code :info} just before
 * its client's next invocation, or at the end.
 */
final class InvocationEvents {
    /** One line to write: the invocation of {@code op} or its completion. */
    record Event(Operation op, boolean invocation) {
    }

    private InvocationEvents() {
    }

    static List<Event> of(History history) {
        Map<Long, List<Event>> byPosition = new TreeMap<>();
        List<Operation> unknown = new ArrayList<>();
        for (Operation op : history.operations()) {
            byPosition.computeIfAbsent(op.call(), p -> new ArrayList<>()).add(new Event(op, true));
            if (op.status() == Status.UNKNOWN) {
                unknown.add(op);
            } else {
                byPosition.computeIfAbsent(op.ret(), p -> new ArrayList<>()).add(new Event(op, false));
            }
        }
        Map<Integer, Operation> pending = new HashMap<>();
        List<Event> events = new ArrayList<>(2 * history.size());
        for (Map.Entry<Long, List<Event>> entry : byPosition.entrySet()) {
            long position = entry.getKey();
            List<Event> group = entry.getValue();
            Set<Integer> completing = new HashSet<>();
            Set<Integer> invoking = new HashSet<>();
            for (Event event : group) {
                if (event.invocation()) {
                    invoking.add(event.op().client());
                } else if (event.op().call() < position) {
                    completing.add(event.op().client());
                }
            }
            completing.retainAll(invoking);
            List<Event> invocations = new ArrayList<>();
            List<Event> pairs = new ArrayList<>();
            List<Event> completions = new ArrayList<>();
            for (Event event : group) {
                boolean pair = completing.contains(event.op().client())
                        && (event.invocation() || event.op().call() < position);
                if (pair) {
                    pairs.add(event);
                } else if (event.invocation()) {
                    invocations.add(event);
                } else {
                    completions.add(event);
                }
            }
            pairs.sort(Comparator.comparingInt((Event e) -> e.op().client()).thenComparing(Event::invocation));
            for (List<Event> part : List.of(invocations, pairs, completions)) {
                for (Event event : part) {
                    Operation op = event.op();
                    if (event.invocation()) {
                        Operation earlier = pending.put(op.client(), op);
                        if (earlier != null && earlier.status() != Status.UNKNOWN) {
                            throw new IllegalArgumentException("client " + op.client() + " has two operations at"
                                    + " once (" + earlier + " and " + op + "); Jepsen histories allow one pending"
                                    + " invocation per process, so give them different clients or write JSON lines");
                        }
                        if (earlier != null) {
                            events.add(new Event(earlier, false));
                        }
                    } else {
                        pending.remove(op.client());
                    }
                    events.add(event);
                }
            }
        }
        for (Operation op : unknown) {
            if (pending.remove(op.client(), op)) {
                events.add(new Event(op, false));
            }
        }
        return events;
    }

    /**
     * The value a completion line carries: the output, or, when there is none, the input, as
     * Jepsen echoes it for writes and CAS. {@link InvocationPairing} reads an echo back as no output.
     */
    static Object completionValue(Operation op) {
        return op.output() != null ? op.output() : op.input();
    }
}
