package dev.heddle.check.fast;

import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refutes a {@code register} or {@code cas-register} history in O(n) when a read returns a value
 * (or a successful {@code cas} expects one) that no write or {@code cas} called before the read
 * returned writes, and that is not the initial {@code nil}: a corrupted read, which Knossos-
 * and Elle-style checkers also reject at once, where the search would first have to refute
 * every order of everything before it.
 *
 * <p>Sound because the register holds {@code nil} or the value of the last write (or swap) that
 * took effect, and a write takes effect after its call: whatever a read observes was written by
 * an operation called no later than the read returned. Unknown writes and swaps count as
 * writers (they may have taken effect); failed ones were left out by the model, since they had
 * no effect. Declines (empty) when every observation has a possible writer, whatever the
 * history's verdict.
 */
public final class UnwrittenValueRefuter implements PolynomialDecider {
    private final boolean cas;

    /** @param cas whether the model has {@code cas}; if not, a history with one is left to the model to reject */
    public UnwrittenValueRefuter(boolean cas) {
        this.cas = cas;
    }

    @Override
    public String name() {
        return "unwritten";
    }

    @Override
    public Optional<Decision> decide(List<Operation> operations) {
        Map<Object, Long> firstWriteCall = new HashMap<>();
        for (Operation op : operations) {
            boolean known = op.f().equals("read") || op.f().equals("write") || (cas && op.f().equals("cas"));
            if (!known) {
                return Optional.empty(); // the search names the operation the model does not know
            }
            Object written = written(op);
            if (written != NOTHING && written != null) {
                firstWriteCall.merge(written, op.call(), Math::min);
            }
        }
        for (Operation op : operations) {
            if (op.status() != Status.OK) {
                continue;
            }
            Object observed = switch (op.f()) {
                case "read" -> op.output();
                case "cas" -> Boolean.TRUE.equals(op.output()) && op.input() instanceof List<?> args && args.size() == 2
                        ? args.get(0) : null;
                default -> null;
            };
            if (observed == null) {
                continue; // nil is the initial value: always possible
            }
            Long first = firstWriteCall.get(observed);
            if (first == null || first > op.ret()) {
                String what = op.f().equals("read") ? "reads " : "expects ";
                return Optional.of(new Decision(false, "Operation " + op + " " + what + Values.show(observed)
                        + ", but " + (first == null ? "no operation writes " + Values.show(observed)
                        : "every operation writing " + Values.show(observed) + " is called after it returns (the first at "
                        + first + ")") + ", and it is not the initial nil: no order explains it (a corrupted or"
                        + " invented value)."));
            }
        }
        return Optional.empty();
    }

    private static final Object NOTHING = new Object();

    /** The value {@code op} may write, {@link #NOTHING} when it writes none. */
    private static Object written(Operation op) {
        return switch (op.f()) {
            case "write" -> op.input();
            case "cas" -> op.input() instanceof List<?> args && args.size() == 2
                    && (op.status() == Status.UNKNOWN || Boolean.TRUE.equals(op.output())) ? args.get(1) : NOTHING;
            default -> NOTHING;
        };
    }
}
