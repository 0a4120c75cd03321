package dev.heddle.check.fast;

import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Refutes a {@code kv} history when a {@code get} returns a value that no sequence of the puts
 * and appends of its key called before the get returned can produce: a put's value (or the
 * initial {@code ""}) followed by appended suffixes. A corrupted or invented read, rejected at
 * once where the search would first have to refute every order of everything before it.
 *
 * <p>Sound because a key's value is always the value of its last put (or {@code ""}) followed by
 * the suffixes of the appends since, each taking effect after its call and before the get
 * returns; this check allows any of those in any order and number, so it only ever refutes what
 * no order explains. Unknown puts and appends count (they may have taken effect); failed ones
 * were left out by the model. Each get is a word-break test over its value (positions times the
 * distinct suffix lengths); the whole check stops after {@link #WORK_PER_OPERATION} substring
 * lookups per operation and declines, so that it stays linear and leaves odd histories to the
 * search. Declines (empty) when every get's value can be produced, whatever the verdict.
 */
public final class UnreachableKvValueRefuter implements PolynomialDecider {
    static final int WORK_PER_OPERATION = 64;
    /** Lookups allowed whatever the history's size, so that a short history is not declined at once. */
    static final int MIN_WORK = 1024;

    private final Function<Object, String> text;

    /**
     * @param text reads a value as the model does ({@code null} as {@code ""}): the refutation is
     *             sound only if it sees the strings the model compares
     */
    public UnreachableKvValueRefuter(Function<Object, String> text) {
        this.text = text;
    }

    @Override
    public String name() {
        return "unwritten";
    }

    @Override
    public Optional<Decision> decide(List<Operation> operations) {
        Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : operations) {
            if (!op.f().equals("get") && !op.f().equals("put") && !op.f().equals("append")) {
                return Optional.empty();
            }
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        long[] work = {WORK_PER_OPERATION * (long) operations.size() + MIN_WORK};
        for (List<Operation> key : byKey.values()) {
            Optional<Decision> refuted = refute(key, work);
            if (refuted == null) {
                return Optional.empty(); // out of work: leave it to the search
            }
            if (refuted.isPresent()) {
                return refuted;
            }
        }
        return Optional.empty();
    }

    /** One key's refutation, empty when every get can be produced, null when {@code work} ran out. */
    private Optional<Decision> refute(List<Operation> ops, long[] work) {
        Map<String, Long> firstPut = new HashMap<>();
        Map<String, Long> firstAppend = new HashMap<>();
        for (Operation op : ops) {
            if (op.f().equals("put")) {
                firstPut.merge(text.apply(op.input()), op.call(), Math::min);
            } else if (op.f().equals("append") && !text.apply(op.input()).isEmpty()) {
                firstAppend.merge(text.apply(op.input()), op.call(), Math::min);
            }
        }
        TreeSet<Integer> putLengths = new TreeSet<>();
        for (String value : firstPut.keySet()) {
            putLengths.add(value.length());
        }
        TreeSet<Integer> appendLengths = new TreeSet<>();
        for (String suffix : firstAppend.keySet()) {
            appendLengths.add(suffix.length());
        }
        for (Operation op : ops) {
            if (!op.f().equals("get") || op.status() != Status.OK) {
                continue;
            }
            String value = text.apply(op.output());
            if (value.isEmpty()) {
                continue; // the initial value: always possible
            }
            boolean[] reachable = new boolean[value.length() + 1];
            reachable[0] = true; // the initial "" (and a put of "")
            for (int length : putLengths) {
                if (length == 0 || length > value.length()) {
                    continue;
                }
                if (--work[0] < 0) {
                    return null;
                }
                Long call = firstPut.get(value.substring(0, length));
                if (call != null && call <= op.ret()) {
                    reachable[length] = true;
                }
            }
            for (int at = 0; at < value.length() && !reachable[value.length()]; at++) {
                if (!reachable[at]) {
                    continue;
                }
                for (int length : appendLengths) {
                    if (at + length > value.length()) {
                        break;
                    }
                    if (--work[0] < 0) {
                        return null;
                    }
                    Long call = firstAppend.get(value.substring(at, at + length));
                    if (call != null && call <= op.ret()) {
                        reachable[at + length] = true;
                    }
                }
            }
            if (!reachable[value.length()]) {
                return Optional.of(new Decision(false, "Operation " + op + " reads " + Values.show(value)
                        + ", which no put of key " + Values.show(op.key()) + " followed by appends to it, among those called"
                        + " before it returns, can produce (nor the initial \"\"): no order explains it (a corrupted"
                        + " or invented value)."));
            }
        }
        return Optional.empty();
    }
}
