package dev.heddle.check.fast;

import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides set histories in O(n log n) when, for every value, at most one {@code add} returned
 * {@code true} and at most one {@code remove} returned {@code true}, every operation completed,
 * and every output is a boolean.
 *
 * <p>A set is a product of independent membership bits, so each value is decided alone (the
 * locality of linearizability). With a unique successful add at point {@code A} and remove at
 * point {@code R}, the value is absent before {@code A}, present in {@code [A, R]} and absent
 * after. Every other operation is an observation: "present" ({@code contains -> true},
 * {@code add -> false}) needs its interval to meet {@code [A, R]}; "absent"
 * ({@code contains -> false}, {@code remove -> false}) needs {@code call <= A} or
 * {@code ret >= R}. So the question is whether points {@code A <= R} exist in the add's and
 * remove's intervals meeting these bounds. Only the lower bound of {@code A} trades against the
 * "absent" observations; trying {@code A} at each observation's call, in call order with suffix
 * minima of their returns, decides it in one sweep. This is the decrease-and-conquer view of
 * Lee and Mathur (PLDI 2025, <i>Efficient Linearizability Monitoring</i>) for unambiguous sets,
 * written for closed intervals where touching operations are concurrent.
 */
public final class UniqueValueSetDecider implements PolynomialDecider {

    @Override
    public String name() {
        return "set-intervals";
    }

    @Override
    public Optional<Decision> decide(List<Operation> operations) {
        Map<Object, List<Operation>> byValue = new LinkedHashMap<>();
        for (Operation op : operations) {
            if (op.status() != Status.OK || !(op.output() instanceof Boolean)) {
                return Optional.empty();
            }
            byValue.computeIfAbsent(op.input(), v -> new ArrayList<>()).add(op);
        }
        for (Map.Entry<Object, List<Operation>> value : byValue.entrySet()) {
            Optional<Decision> decision = decideValue(value.getKey(), value.getValue());
            if (decision.isEmpty() || !decision.get().linearizable()) {
                return decision;
            }
        }
        return Optional.of(new Decision(true, ""));
    }

    private static Optional<Decision> decideValue(Object value, List<Operation> operations) {
        Operation add = null;
        Operation remove = null;
        List<Operation> present = new ArrayList<>();
        List<Operation> absent = new ArrayList<>();
        for (Operation op : operations) {
            boolean output = (Boolean) op.output();
            switch (op.f()) {
                case "add" -> {
                    if (!output) {
                        present.add(op);
                    } else if (add != null) {
                        return Optional.empty();
                    } else {
                        add = op;
                    }
                }
                case "remove" -> {
                    if (!output) {
                        absent.add(op);
                    } else if (remove != null) {
                        return Optional.empty();
                    } else {
                        remove = op;
                    }
                }
                case "contains" -> (output ? present : absent).add(op);
                default -> {
                    return Optional.empty();
                }
            }
        }
        String name = "value " + Values.show(value);
        if (add == null) {
            if (remove != null) {
                return violation(name + " is removed by " + remove + " but never added");
            }
            if (!present.isEmpty()) {
                return violation(present.getFirst() + " sees " + name + " present, but it is never added");
            }
            return Optional.of(new Decision(true, ""));
        }
        long lowA = add.call();
        long highA = add.ret();
        for (Operation p : present) {
            highA = Math.min(highA, p.ret());
        }
        if (remove == null) {
            for (Operation q : absent) {
                lowA = Math.max(lowA, q.call());
            }
            if (lowA <= highA) {
                return Optional.of(new Decision(true, ""));
            }
            return violation(name + ": no point for " + add + " lies after the calls of every operation"
                    + " that sees it absent and before the returns of every operation that sees it present");
        }
        long lowR = remove.call();
        long highR = remove.ret();
        for (Operation p : present) {
            lowR = Math.max(lowR, p.call());
        }
        if (lowA <= highA && lowR <= highR && feasible(lowA, highA, lowR, highR, absent)) {
            return Optional.of(new Decision(true, ""));
        }
        return violation(name + ": no points for " + add + " and then " + remove
                + " make it present for every operation that sees it present (" + present.size()
                + ") and absent for every one that sees it absent (" + absent.size() + ")");
    }

    /** Whether some {@code A} in [lowA, highA] and {@code R >= A} in [lowR, highR] satisfy every absent observation. */
    private static boolean feasible(long lowA, long highA, long lowR, long highR, List<Operation> absent) {
        List<Operation> byCall = new ArrayList<>(absent);
        byCall.sort(Comparator.comparingLong(Operation::call));
        int n = byCall.size();
        long[] suffixMinReturn = new long[n + 1];
        suffixMinReturn[n] = Long.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            suffixMinReturn[i] = Math.min(suffixMinReturn[i + 1], byCall.get(i).ret());
        }
        // Candidate A values: lowA, and each observation's call within [lowA, highA]. The
        // observations with call <= A are satisfied by A; the rest need R <= their return.
        int covered = 0;
        for (int candidate = -1; candidate < n; candidate++) {
            long a = candidate < 0 ? lowA : byCall.get(candidate).call();
            if (a < lowA) {
                continue;
            }
            if (a > highA) {
                break;
            }
            while (covered < n && byCall.get(covered).call() <= a) {
                covered++;
            }
            if (Math.max(lowR, a) <= Math.min(highR, suffixMinReturn[covered])) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Decision> violation(String reason) {
        return Optional.of(new Decision(false, "set violation: " + reason));
    }
}
