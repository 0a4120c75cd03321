package dev.heddle.check.model;

import dev.heddle.check.Values;

import java.util.Arrays;
import java.util.Objects;

/** The contents of a FIFO queue (the {@link QueueModel} state): immutable, its hash computed once. */
public final class QueueState {
    static final QueueState EMPTY = new QueueState(new Object[0]);

    private final Object[] items;
    private final int hash;

    private QueueState(Object[] items) {
        this.items = items;
        this.hash = Arrays.hashCode(items);
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    Object head() {
        return items[0];
    }

    QueueState enqueue(Object item) {
        Object[] more = Arrays.copyOf(items, items.length + 1);
        more[items.length] = item;
        return new QueueState(more);
    }

    QueueState dequeue() {
        return new QueueState(Arrays.copyOfRange(items, 1, items.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueueState that && hash == that.hash && Arrays.equals(items, that.items);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Values.show(Arrays.asList(items));
    }

    boolean headIs(Object value) {
        return !isEmpty() && Objects.equals(items[0], value);
    }
}
