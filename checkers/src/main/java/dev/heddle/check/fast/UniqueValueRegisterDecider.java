package dev.heddle.check.fast;

import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.Status;
import dev.heddle.check.Values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides {@code register} and {@code cas-register} histories in O(n log n) when every value is
 * written at most once (by a {@code write} or as the new value of a {@code cas}); the initial
 * {@code nil} counts as written before everything, so writing {@code nil} takes the history out
 * of the class. Unique written values are what Jepsen-style register tests generate.
 *
 * <p>A read is a read of its value; a successful {@code cas [a b]} writes {@code b} and must run
 * while the register holds {@code a}; an unknown {@code cas} is the same if its value is
 * observed, and is otherwise taken never to have happened; a {@code cas} whose compare failed must
 * run while the register holds anything but {@code a}. See {@link UniqueWriteOrder} for the
 * algorithm (the "zones" of Gibbons and Korach, SIAM J. Comput. 1997, extended to chains of
 * swaps) and for when it declines (some failed compares) and leaves the history to the search.
 */
public final class UniqueValueRegisterDecider implements PolynomialDecider {
    private static final Object NIL = new Object();

    private final Predicate<List<Operation>> replays;
    private final boolean cas;

    /**
     * @param replays whether the register or CAS-register model accepts an order as a sequential
     *                run: a linearizable verdict is only given with a witness the model replays
     * @param cas     whether the model has {@code cas}; if not, histories with one are left to the search
     */
    public UniqueValueRegisterDecider(Predicate<List<Operation>> replays, boolean cas) {
        this.replays = replays;
        this.cas = cas;
    }

    @Override
    public String name() {
        return "zones";
    }

    @Override
    public Optional<Decision> decide(List<Operation> operations) {
        UniqueWriteOrder order = new UniqueWriteOrder(operations.size());
        Map<Object, Integer> ids = new HashMap<>();
        List<Object> shown = new ArrayList<>();
        ids.put(NIL, UniqueWriteOrder.INITIAL_VALUE);
        shown.add(null);
        for (Operation op : operations) {
            switch (op.f()) {
                case "read" -> {
                    if (op.status() == Status.OK) {
                        order.add(op, UniqueWriteOrder.READ, id(order, ids, shown, op.output()));
                    } else if (op.status() != Status.UNKNOWN) {
                        return Optional.empty();
                    }
                }
                case "write" -> {
                    if (op.status() == Status.FAILED) {
                        return Optional.empty();
                    }
                    order.add(op, UniqueWriteOrder.WRITE, id(order, ids, shown, op.input()));
                }
                case "cas" -> {
                    if (!cas || !(op.input() instanceof List<?> args) || args.size() != 2 || op.status() == Status.FAILED) {
                        return Optional.empty();
                    }
                    int expected = id(order, ids, shown, args.get(0));
                    if (op.status() == Status.UNKNOWN || Boolean.TRUE.equals(op.output())) {
                        order.add(op, UniqueWriteOrder.SWAP, id(order, ids, shown, args.get(1)), expected);
                    } else if (Boolean.FALSE.equals(op.output())) {
                        order.add(op, UniqueWriteOrder.NOT_READ, expected);
                    } else {
                        return Optional.empty();
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return order.decide(replays, v -> Values.show(shown.get(v)));
    }

    private static int id(UniqueWriteOrder order, Map<Object, Integer> ids, List<Object> shown, Object value) {
        Object key = value == null ? NIL : value;
        Integer id = ids.get(key);
        if (id == null) {
            id = order.newValue();
            ids.put(key, id);
            shown.add(value);
        }
        return id;
    }
}
