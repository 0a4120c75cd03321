package dev.heddle.check;

import java.util.List;
import java.util.Optional;

/**
 * Decides linearizability in polynomial time for a class of histories where theory allows it
 * (typically: every value is written once). Histories outside the class are left to the general
 * search.
 *
 * <p>A model offers its deciders ({@link dev.heddle.check.Model#polynomialDecider()},
 * {@link dev.heddle.check.Model#refutation()}) and the checker runs them. The interface
 * lives here, beside the checker, so that the checker needs none of the implementations in
 * {@code check.fast}.
 */
public interface PolynomialDecider {

    /**
     * The verdict for {@code operations} (already prepared by the model), or empty when the
     * history is outside this decider's class.
     */
    Optional<Decision> decide(List<Operation> operations);

    /** A short name for reports and benchmarks, e.g. {@code zones}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * @param linearizable  the verdict
     * @param reason        when not linearizable, the violation in words, naming the operations
     * @param linearization when linearizable and the decider builds one, a linearization
     *                      (unknown operations left out never took effect); otherwise empty
     */
    record Decision(boolean linearizable, String reason, List<Operation> linearization) {
        public Decision {
            linearization = List.copyOf(linearization);
        }

        public Decision(boolean linearizable, String reason) {
            this(linearizable, reason, List.of());
        }
    }
}
