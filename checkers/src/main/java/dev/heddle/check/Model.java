package dev.heddle.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequential specification: what a single correct copy of the object would do. The checker
 * asks whether some order of the recorded operations, consistent with their real-time order,
 * is a legal run of this model.
 *
 * <p>States must be immutable: the search keeps old states to backtrack to, and caches
 * (operations linearized, state) pairs under {@link #hash} and {@link #equal}.
 *
 * <pre>{@code
 * // A register that only allows increasing writes.
 * Model<Long> monotonic = new Model<>() {
 *     public String name() { return "monotonic-register"; }
 *     public Long initial() { return 0L; }
 *     public Long step(Long state, Operation op) {
 *         return switch (op.f()) {
 *             case "write" -> (Long) op.input() >= state ? (Long) op.input() : null;
 *             case "read" -> op.status() == Status.UNKNOWN || state.equals(op.output()) ? state : null;
 *             default -> throw new IllegalArgumentException("unknown operation " + op.f());
 *         };
 *     }
 * };
 * }</pre>
 *
 * @param <S> the state type
 */
public interface Model<S> {

    /** The name used on the command line and in reports. */
    String name();

    /** The state before any operation. */
    S initial();

    /**
     * The state after {@code op} runs in {@code state}, or {@code null} when {@code op}'s output
     * is impossible there. For an operation of status {@link Status#UNKNOWN} the output is
     * unknown: return the state as if it took effect, or {@code null} if it cannot take effect
     * now (the checker also considers that it never took effect).
     *
     * <p>Like Porcupine's and Knossos's models, a step sees the request and its outcome
     * ({@code f}, {@code key}, {@code input}, {@code output}, {@code status}), never the client or
     * the times: the checker treats unknown operations that are the same request as
     * interchangeable.
     *
     * @throws IllegalArgumentException when the operation is not one this model knows; say which
     */
    S step(S state, Operation op);

    default boolean equal(S a, S b) {
        return Objects.equals(a, b);
    }

    default int hash(S state) {
        return Objects.hashCode(state);
    }

    /**
     * True when {@code op} never changes any state: a read, or an observation such as a failed
     * compare-and-set. The search linearizes such an operation as soon as it is legal without
     * trying alternatives, which is sound because moving a state-preserving operation earlier
     * keeps every later step legal.
     */
    default boolean readOnly(Operation op) {
        return false;
    }

    /**
     * How this model treats a recorded operation before checking: the operation to check, or
     * {@code null} to leave it out. By default a failed operation had no effect and is left out.
     */
    default Operation prepare(Operation op) {
        return op.status() == Status.FAILED ? null : op;
    }

    /**
     * Splits a history into independent sub-histories (P-compositionality): the history is
     * linearizable if and only if every part is. By default there is one part.
     */
    default List<List<Operation>> partition(List<Operation> operations) {
        return List.of(operations);
    }

    /** A label for one part {@link #partition} returned, e.g. {@code key "x"}; empty when unpartitioned. */
    default String partitionLabel(List<Operation> part) {
        return "";
    }

    /** A polynomial-time decision procedure for the histories it recognizes, if this model has one. */
    default Optional<PolynomialDecider> polynomialDecider() {
        return Optional.empty();
    }

    /**
     * A cheap refutation, run before any search: it finds an observation no order of the history
     * can explain (a read of a value nobody wrote), deciding only {@code NOT_LINEARIZABLE}, and
     * declines otherwise. It must be sound for this model; by default there is none.
     */
    default Optional<PolynomialDecider> refutation() {
        return Optional.empty();
    }

    /**
     * What the operations of {@code part} not yet linearized can still observe, for the search
     * to forget what they cannot ({@link ObservedStates}); by default nothing is forgotten.
     */
    default Optional<ObservedStates<S>> observedStates(List<Operation> part) {
        return Optional.empty();
    }

    default String describeState(S state) {
        return String.valueOf(state);
    }

    default String describeOperation(Operation op) {
        return op.toString();
    }
}
