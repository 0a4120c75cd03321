package dev.heddle.check.model;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;
import dev.heddle.check.fast.UniqueValueSetDecider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A set, starting empty: {@code add} and {@code remove} (input the value, output {@code true}
 * when the set changed, {@code false} when it did not, {@code null} when not reported) and
 * {@code contains} (input the value, output a boolean). A set is a product of independent
 * membership bits, so the history is checked one value at a time; parts where each value is
 * added and removed at most once are decided in O(n log n) by {@link UniqueValueSetDecider}.
 */
public final class SetModel implements Model<Set<Object>> {

    @Override
    public String name() {
        return "set";
    }

    @Override
    public Set<Object> initial() {
        return Set.of();
    }

    @Override
    public Operation prepare(Operation op) {
        switch (op.f()) {
            case "add", "remove", "contains" -> {
                if (op.status() == Status.OK && op.output() != null && !(op.output() instanceof Boolean)) {
                    throw new IllegalArgumentException("set operation " + op.f() + " must output true, false"
                            + " or nil, got " + Values.show(op.output()) + " in " + op);
                }
                return op.status() == Status.FAILED ? null : op;
            }
            default -> throw RegisterModel.unknownOperation(name(), op, "add, remove, contains");
        }
    }

    @Override
    public Set<Object> step(Set<Object> state, Operation op) {
        boolean present = state.contains(op.input());
        boolean unknown = op.status() == Status.UNKNOWN;
        Object output = op.output();
        return switch (op.f()) {
            case "contains" -> unknown || Boolean.valueOf(present).equals(output) ? state : null;
            case "add" -> {
                if (unknown || output == null) {
                    yield present ? state : with(state, op.input(), true);
                }
                yield (Boolean) output == !present ? (present ? state : with(state, op.input(), true)) : null;
            }
            case "remove" -> {
                if (unknown || output == null) {
                    yield present ? with(state, op.input(), false) : state;
                }
                yield (Boolean) output == present ? (present ? with(state, op.input(), false) : state) : null;
            }
            default -> throw RegisterModel.unknownOperation(name(), op, "add, remove, contains");
        };
    }

    private static Set<Object> with(Set<Object> state, Object value, boolean present) {
        Set<Object> copy = new HashSet<>(state);
        if (present) {
            copy.add(value);
        } else {
            copy.remove(value);
        }
        return copy;
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("contains") || (op.status() == Status.OK && Boolean.FALSE.equals(op.output()));
    }

    @Override
    public List<List<Operation>> partition(List<Operation> operations) {
        Map<Object, List<Operation>> byValue = new LinkedHashMap<>();
        for (Operation op : operations) {
            byValue.computeIfAbsent(op.input(), v -> new ArrayList<>()).add(op);
        }
        return new ArrayList<>(byValue.values());
    }

    @Override
    public String partitionLabel(List<Operation> part) {
        return part.isEmpty() ? "" : "value " + Values.show(part.getFirst().input());
    }

    @Override
    public Optional<PolynomialDecider> polynomialDecider() {
        return Optional.of(new UniqueValueSetDecider());
    }

    @Override
    public String describeState(Set<Object> state) {
        return Values.show(new ArrayList<>(state)).replace('[', '{').replace(']', '}');
    }
}
