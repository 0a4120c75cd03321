package dev.heddle.channel;

import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A FIFO queue of fixed capacity, starting empty: the sequential model of a bounded mpsc
 * channel without permits. {@code enqueue} (input the value) outputs null when the value went
 * in, or {@link #FULL} when a try-send found every slot taken, which is legal only then;
 * {@code dequeue} outputs the value taken, or null when the queue was empty. The checkers
 * module's {@code QueueModel} has no capacity, so it cannot tell a wrong FULL from a right one.
 * The state is the queued values, an immutable list.
 */
final class BoundedQueueModel implements Model<List<Object>> {
    /** The output recorded for a try-send refused because the channel was full. */
    static final String FULL = "full";

    private final int capacity;

    BoundedQueueModel(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public String name() {
        return "bounded-queue(" + capacity + ")";
    }

    @Override
    public List<Object> initial() {
        return List.of();
    }

    @Override
    public List<Object> step(List<Object> queue, Operation op) {
        return switch (op.f()) {
            case "enqueue" -> {
                if (op.status() == Status.OK && FULL.equals(op.output())) {
                    yield queue.size() == capacity ? queue : null;
                }
                if (queue.size() == capacity) {
                    yield null;
                }
                List<Object> more = new ArrayList<>(queue);
                more.add(op.input());
                yield List.copyOf(more);
            }
            case "dequeue" -> {
                if (op.status() == Status.UNKNOWN) {
                    yield queue.isEmpty() ? queue : List.copyOf(queue.subList(1, queue.size()));
                }
                if (op.output() == null) {
                    yield queue.isEmpty() ? queue : null;
                }
                yield !queue.isEmpty() && Objects.equals(queue.getFirst(), op.output())
                        ? List.copyOf(queue.subList(1, queue.size())) : null;
            }
            default -> throw new IllegalArgumentException("the " + name() + " model knows enqueue and dequeue, not "
                    + op.f() + " in " + op);
        };
    }

    @Override
    public boolean readOnly(Operation op) {
        return op.status() == Status.OK && (op.f().equals("dequeue") && op.output() == null
                || op.f().equals("enqueue") && FULL.equals(op.output()));
    }

    @Override
    public String describeState(List<Object> queue) {
        return "queue " + queue + " of capacity " + capacity;
    }
}
