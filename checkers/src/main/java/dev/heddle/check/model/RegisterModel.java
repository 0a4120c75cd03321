package dev.heddle.check.model;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;
import dev.heddle.check.fast.UniqueValueRegisterDecider;
import dev.heddle.check.fast.UnwrittenValueRefuter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A read/write register that starts empty ({@code nil}). Operations: {@code read} with the value
 * read as output ({@code null} for empty), {@code write} with the value as input.
 */
public final class RegisterModel implements Model<Object> {
    /** The state of a register that was never written. */
    static final Object EMPTY = new Object() {
        @Override
        public String toString() {
            return "nil";
        }
    };

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Object initial() {
        return EMPTY;
    }

    @Override
    public Object step(Object state, Operation op) {
        return switch (op.f()) {
            case "read" -> op.status() == Status.UNKNOWN || holds(state, op.output()) ? state : null;
            case "write" -> valueState(op.input());
            default -> throw unknownOperation(name(), op, "read, write");
        };
    }

    @Override
    public Optional<PolynomialDecider> polynomialDecider() {
        return Optional.of(new UniqueValueRegisterDecider(order -> RegisterModel.replays(this, order), false));
    }

    /** Refutes a read of a value never written at once ({@link UnwrittenValueRefuter}). */
    @Override
    public Optional<PolynomialDecider> refutation() {
        return Optional.of(new UnwrittenValueRefuter(false));
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("read");
    }

    @Override
    public String describeState(Object state) {
        return state == EMPTY ? "nil" : Values.show(state);
    }

    static boolean holds(Object state, Object value) {
        return value == null ? state == EMPTY : Objects.equals(state, value);
    }

    static Object valueState(Object value) {
        return value == null ? EMPTY : value;
    }

    /** Whether {@code order}, run one operation after another, is legal for {@code model}. */
    static <S> boolean replays(Model<S> model, List<Operation> order) {
        S state = model.initial();
        for (Operation op : order) {
            state = model.step(state, op);
            if (state == null) {
                return false;
            }
        }
        return true;
    }

    static IllegalArgumentException unknownOperation(String model, Operation op, String known) {
        return new IllegalArgumentException("model " + model + " has no operation '" + op.f()
                + "' (in " + op + "); its operations are: " + known);
    }
}
