package dev.heddle.check.fast;

import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides one key of a {@code kv} history ({@code get}, {@code put}, {@code append}) in
 * O(n log n + total length of the values read) when every {@code put} and {@code append} writes
 * a unique <i>token</i>: a non-empty string that ends with a delimiter character and contains it
 * nowhere else (the same delimiter for all, e.g. {@code "a17;"}), as in Jepsen's append
 * workloads where each appended element is unique.
 *
 * <p>Then every value a {@code get} returns is a sequence of tokens and tells which operation
 * produced it and from what: {@code "p5;a7;a9;"} was produced by the append of {@code "a9;"}
 * applied to {@code "p5;a7;"}, which the append of {@code "a7;"} produced from the put of
 * {@code "p5;"}. Each state is written by one operation, so the key is a register with unique
 * values where a revealed append is a swap from its predecessor state (like a successful
 * compare-and-set) and a put, or an append no read reveals, is a plain write of a fresh value.
 * Reads that cannot be parsed into tokens, tokens in two different contexts (the same append
 * after two different states, a put not first) and tokens never written are violations in
 * themselves. {@link UniqueWriteOrder} decides the rest; its witness is verified on the value
 * ids (each get sees the state the order gives, each revealed append its predecessor), which is
 * what the parse established, rather than by replaying strings. Histories with other values are
 * left to the search.
 */
public final class UniqueTokenKvDecider implements PolynomialDecider {
    /** The witness is verified on value ids, so the decider needs no model. */
    public UniqueTokenKvDecider() {
    }

    @Override
    public String name() {
        return "kv-tokens";
    }

    private static final int GET = 0;
    private static final int PUT = 1;
    private static final int APPEND = 2;
    /** The predecessor of an append no read reveals: it is checked as a plain write. */
    private static final int NOT_REVEALED = -2;

    @Override
    public Optional<Decision> decide(List<Operation> operations) {
        if (operations.isEmpty()) {
            return Optional.of(new Decision(true, ""));
        }
        int n = operations.size();
        Object key = operations.getFirst().key();
        char delimiter = 0;
        int[] kindOf = new int[n];
        Map<String, Integer> tokenOp = new HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            Operation op = operations.get(i);
            if (!Objects.equals(op.key(), key) || op.status() == Status.FAILED) {
                return Optional.empty();
            }
            String f = op.f();
            if (f.equals("get")) {
                kindOf[i] = GET;
                continue;
            }
            if (f.equals("put")) {
                kindOf[i] = PUT;
            } else if (f.equals("append")) {
                kindOf[i] = APPEND;
            } else {
                return Optional.empty();
            }
            String token = text(op.input());
            if (token.isEmpty()) {
                return Optional.empty();
            }
            if (delimiter == 0) {
                delimiter = token.charAt(token.length() - 1);
            }
            if (token.indexOf(delimiter) != token.length() - 1) {
                return Optional.empty();
            }
            if (tokenOp.putIfAbsent(token, i) != null) {
                return Optional.empty();
            }
        }
        UniqueWriteOrder order = new UniqueWriteOrder(n);
        // The value id of the state each mutation produces; the state it was applied to, if revealed.
        int[] valueOf = new int[n];
        int[] predecessor = new int[n];
        Arrays.fill(predecessor, NOT_REVEALED);
        for (int i = 0; i < n; i++) {
            if (kindOf[i] != GET) {
                valueOf[i] = order.newValue();
            }
        }
        int[] readValue = new int[n];
        Map<String, Integer> parsed = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Operation op = operations.get(i);
            if (kindOf[i] != GET || op.status() != Status.OK) {
                continue;
            }
            String read = text(op.output());
            Integer seen = parsed.get(read);
            if (seen != null) { // the same value read before: same tokens, same contexts
                readValue[i] = seen;
                continue;
            }
            int previous = UniqueWriteOrder.INITIAL_VALUE; // the initial ""
            int start = 0;
            // Often a value read before plus one token: start after that prefix.
            int lastStart = read.length() < 2 || delimiter == 0 ? -1 : read.lastIndexOf(delimiter, read.length() - 2) + 1;
            if (lastStart > 0) {
                Integer prefix = parsed.get(read.substring(0, lastStart));
                if (prefix != null) {
                    previous = prefix;
                    start = lastStart;
                }
            }
            while (start < read.length()) {
                int end = delimiter == 0 ? -1 : read.indexOf(delimiter, start);
                if (end < 0) {
                    return violation(op + " returns " + Values.show(read)
                            + ", which is not a sequence of the values put and appended");
                }
                String token = read.substring(start, end + 1);
                Integer writer = tokenOp.get(token);
                if (writer == null) {
                    return violation(op + " returns " + Values.show(read) + ", but " + Values.show(token)
                            + " is never put or appended");
                }
                if (kindOf[writer] == PUT && start > 0) {
                    return violation(op + " returns " + Values.show(read) + ", but " + operations.get(writer)
                            + " replaces the whole value");
                }
                if (kindOf[writer] == APPEND) {
                    if (predecessor[writer] == NOT_REVEALED) {
                        predecessor[writer] = previous;
                    } else if (predecessor[writer] != previous) {
                        return violation(op + " shows " + operations.get(writer) + " applied to "
                                + Values.show(read.substring(0, start)) + ", another read shows it applied to a different value");
                    }
                }
                previous = valueOf[writer];
                start = end + 1;
            }
            readValue[i] = previous;
            parsed.put(read, previous);
        }
        for (int i = 0; i < n; i++) {
            Operation op = operations.get(i);
            switch (kindOf[i]) {
                case GET -> {
                    if (op.status() == Status.OK) {
                        order.add(op, UniqueWriteOrder.READ, readValue[i]);
                    }
                }
                case PUT -> order.add(op, UniqueWriteOrder.WRITE, valueOf[i]);
                default -> {
                    if (predecessor[i] != NOT_REVEALED) {
                        order.add(op, UniqueWriteOrder.SWAP, valueOf[i], predecessor[i]);
                    } else {
                        order.add(op, UniqueWriteOrder.WRITE, valueOf[i]);
                    }
                }
            }
        }
        return order.decide(null, v -> v == UniqueWriteOrder.INITIAL_VALUE ? "\"\"" : "the value " + describe(producer(operations, valueOf, v)));
    }

    /** The mutation that produces value id {@code v} (for explanations only). */
    private static Operation producer(List<Operation> operations, int[] valueOf, int v) {
        for (int i = 0; i < operations.size(); i++) {
            if (!operations.get(i).f().equals("get") && valueOf[i] == v) {
                return operations.get(i);
            }
        }
        return null;
    }

    private static String describe(Operation mutation) {
        return mutation == null ? "?" : "after " + mutation;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof String s ? s : Values.show(value);
    }

    private static Optional<Decision> violation(String reason) {
        return Optional.of(new Decision(false, "kv violation: " + reason));
    }
}
