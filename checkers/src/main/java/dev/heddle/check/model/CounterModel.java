package dev.heddle.check.model;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.check.Values;

/**
 * A counter starting at 0: {@code add} (input the amount, {@code null} meaning 1) and
 * {@code read} (output the value).
 */
public final class CounterModel implements Model<Long> {

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public Long initial() {
        return 0L;
    }

    @Override
    public Operation prepare(Operation op) {
        switch (op.f()) {
            case "add" -> {
                if (op.input() != null && !(op.input() instanceof Long)) {
                    throw new IllegalArgumentException("counter add needs an integer input (or nil for 1), got "
                            + Values.show(op.input()) + " in " + op);
                }
            }
            case "read" -> {
                if (op.status() == Status.OK && !(op.output() instanceof Long)) {
                    throw new IllegalArgumentException("counter read must output an integer, got "
                            + Values.show(op.output()) + " in " + op);
                }
            }
            default -> throw RegisterModel.unknownOperation(name(), op, "add, read");
        }
        return op.status() == Status.FAILED ? null : op;
    }

    @Override
    public Long step(Long state, Operation op) {
        return switch (op.f()) {
            case "add" -> state + (op.input() == null ? 1L : (Long) op.input());
            case "read" -> op.status() == Status.UNKNOWN || state.equals(op.output()) ? state : null;
            default -> throw RegisterModel.unknownOperation(name(), op, "add, read");
        };
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("read");
    }
}
