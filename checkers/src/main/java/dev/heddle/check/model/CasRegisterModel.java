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
 * A register with compare-and-set, starting empty, as in Porcupine's etcd model: {@code read}
 * (output the value, {@code null} when empty), {@code write} (input the value) and {@code cas}
 * (input {@code [expected new]}, output {@code true} when it swapped, {@code false} when the
 * compare failed). A failed {@code cas} completion is an observation that the compare failed, so
 * it is checked as a completed {@code cas} with output {@code false}; other failed operations had
 * no effect. A completed {@code cas} whose output is not a boolean (Jepsen logs echo the input)
 * succeeded.
 */
public final class CasRegisterModel implements Model<Object> {

    @Override
    public String name() {
        return "cas-register";
    }

    @Override
    public Object initial() {
        return RegisterModel.EMPTY;
    }

    @Override
    public Operation prepare(Operation op) {
        switch (op.f()) {
            case "read", "write" -> {
                return op.status() == Status.FAILED ? null : op;
            }
            case "cas" -> {
                return CasRegisterModel.prepareCas(op);
            }
            default -> throw RegisterModel.unknownOperation(name(), op, "read, write, cas");
        }
    }

    /**
     * A {@code cas [expected new]} as the search steps it, here and in {@link KeyValueModel}: a
     * failed cas ({@code :fail}) is one that happened and found another value (output false), an
     * ok one without an output swapped (true); a pending one may have done either.
     */
    static Operation prepareCas(Operation op) {
        if (!(op.input() instanceof List<?> args) || args.size() != 2) {
            throw new IllegalArgumentException("cas needs the input [expected new], got " + Values.show(op.input())
                    + " in " + op);
        }
        if (op.status() == Status.FAILED) {
            return op.withOutcome(false, Status.OK);
        }
        if (op.status() == Status.OK && !(op.output() instanceof Boolean)) {
            return op.withOutcome(true, Status.OK);
        }
        return op;
    }

    @Override
    public Object step(Object state, Operation op) {
        return switch (op.f()) {
            case "read" -> op.status() == Status.UNKNOWN || RegisterModel.holds(state, op.output()) ? state : null;
            case "write" -> RegisterModel.valueState(op.input());
            case "cas" -> {
                List<?> args = (List<?>) op.input();
                boolean matches = RegisterModel.holds(state, args.get(0));
                if (op.status() == Status.UNKNOWN) {
                    yield matches ? RegisterModel.valueState(args.get(1)) : state;
                }
                if (Objects.equals(op.output(), Boolean.TRUE)) {
                    yield matches ? RegisterModel.valueState(args.get(1)) : null;
                }
                yield matches ? null : state;
            }
            default -> throw RegisterModel.unknownOperation(name(), op, "read, write, cas");
        };
    }

    @Override
    public Optional<PolynomialDecider> polynomialDecider() {
        return Optional.of(new UniqueValueRegisterDecider(order -> RegisterModel.replays(this, order), true));
    }

    /** Refutes a read of a value never written at once ({@link UnwrittenValueRefuter}). */
    @Override
    public Optional<PolynomialDecider> refutation() {
        return Optional.of(new UnwrittenValueRefuter(true));
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("read") || (op.f().equals("cas") && op.status() == Status.OK
                && Boolean.FALSE.equals(op.output()));
    }

    @Override
    public String describeState(Object state) {
        return state == RegisterModel.EMPTY ? "nil" : Values.show(state);
    }
}
