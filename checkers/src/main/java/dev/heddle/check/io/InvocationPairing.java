package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns Jepsen-style event streams (an invocation, later its completion, per process) into
 * operations. Positions are event indices in file order, so that "returned before called"
 * means "its completion line comes before the invocation line".
 *
 * <p>Jepsen completions repeat the invocation's value when there is nothing new to report (a
 * write, a CAS that swapped, an append): a completion value equal to the input is read as no
 * output, so that such operations look as they would when recorded in Java.
 */
final class InvocationPairing {
    private record Invocation(int process, String f, Object key, Object input, long position, int line) {
    }

    private final Map<Integer, Invocation> pending = new HashMap<>();
    private final List<Operation> operations = new ArrayList<>();
    private long position;

    void invoke(int process, String f, Object key, Object input, int line) throws LineSyntaxException {
        Invocation earlier = pending.get(process);
        if (earlier != null) {
            throw new LineSyntaxException("process " + process + " invokes " + f + " while its " + earlier.f()
                    + " from line " + earlier.line() + " is still pending; expected a completion"
                    + " (:ok, :fail or :info) first");
        }
        pending.put(process, new Invocation(process, f, key, input, position++, line));
    }

    void complete(int process, String f, Status status, Object output) throws LineSyntaxException {
        Invocation invocation = pending.remove(process);
        if (invocation == null) {
            throw new LineSyntaxException("process " + process + " completes " + f
                    + " but has no pending invocation; expected an :invoke for it on an earlier line");
        }
        if (!invocation.f().equals(f)) {
            throw new LineSyntaxException("process " + process + " completes " + f + " but invoked "
                    + invocation.f() + " on line " + invocation.line());
        }
        long ret = position++;
        if (Objects.equals(output, invocation.input())) {
            output = null;
        }
        operations.add(status == Status.UNKNOWN
                ? Operation.unknown(process, f, invocation.key(), invocation.input(), invocation.position())
                : new Operation(process, f, invocation.key(), invocation.input(), output,
                invocation.position(), ret, status));
    }

    /** The operations; invocations never completed are unknown, as for a crashed client. */
    History history() {
        List<Operation> all = new ArrayList<>(operations);
        for (Invocation invocation : pending.values()) {
            all.add(Operation.unknown(invocation.process(), invocation.f(), invocation.key(), invocation.input(),
                    invocation.position()));
        }
        return new History(all);
    }
}
