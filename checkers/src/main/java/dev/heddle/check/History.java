package dev.heddle.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a set of clients saw: an immutable list of operations in no required order.
 *
 * <pre>{@code
 * History history = History.of(
 *     Operation.ok(0, "write", null, 1L, null, 0, 10),
 *     Operation.ok(1, "read", null, null, 1L, 5, 15));
 * }</pre>
 *
 * @param operations the operations
 */
public record History(List<Operation> operations) {

    public History {
        operations = Collections.unmodifiableList(new ArrayList<>(operations));
    }

    public static History of(Operation... operations) {
        return new History(List.of(operations));
    }

    public int size() {
        return operations.size();
    }
}
