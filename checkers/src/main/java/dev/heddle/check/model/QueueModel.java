package dev.heddle.check.model;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.fast.UniqueValueQueueDecider;
import java.util.Optional;

/**
 * A FIFO queue, starting empty: {@code enqueue} (input the value) and {@code dequeue} (output the
 * value taken, {@code null} when the queue was empty). Histories where every value is enqueued
 * once and every dequeue returned a value are decided in O(n log n) by
 * {@link UniqueValueQueueDecider}.
 */
public final class QueueModel implements Model<QueueState> {

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public QueueState initial() {
        return QueueState.EMPTY;
    }

    @Override
    public Operation prepare(Operation op) {
        if (!op.f().equals("enqueue") && !op.f().equals("dequeue")) {
            throw RegisterModel.unknownOperation(name(), op, "enqueue, dequeue");
        }
        return op.status() == Status.FAILED ? null : op;
    }

    @Override
    public QueueState step(QueueState state, Operation op) {
        return switch (op.f()) {
            case "enqueue" -> state.enqueue(op.input());
            case "dequeue" -> {
                if (op.status() == Status.UNKNOWN) {
                    yield state.isEmpty() ? state : state.dequeue();
                }
                if (op.output() == null) {
                    yield state.isEmpty() ? state : null;
                }
                yield state.headIs(op.output()) ? state.dequeue() : null;
            }
            default -> throw RegisterModel.unknownOperation(name(), op, "enqueue, dequeue");
        };
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.f().equals("dequeue") && op.status() == Status.OK && op.output() == null;
    }

    @Override
    public Optional<PolynomialDecider> polynomialDecider() {
        return Optional.of(new UniqueValueQueueDecider());
    }

    @Override
    public String describeState(QueueState state) {
        return "queue " + state;
    }
}
