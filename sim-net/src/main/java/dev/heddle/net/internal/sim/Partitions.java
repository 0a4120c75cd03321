package dev.heddle.net.internal.sim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directed links cut by partitions: a message from {@code a} to {@code b} crosses no cut
 * unless {@code a -> b} is here. A symmetric partition is both directions.
 */
final class Partitions {
    private final Set<DirectedLink> cut = new LinkedHashSet<>();

    boolean isCut(DirectedLink link) {
        return cut.contains(link);
    }

    void cut(DirectedLink link) {
        cut.add(link);
    }

    /** Repairs both directions between {@code a} and {@code b}; true if either was cut. */
    boolean repair(String a, String b) {
        boolean one = cut.remove(new DirectedLink(a, b));
        boolean other = cut.remove(new DirectedLink(b, a));
        return one || other;
    }

    /** The links cut, in the order cut, as {@code "a -> b"}. */
    List<String> described() {
        return cut.stream().map(DirectedLink::toString).toList();
    }

    /** True if any link was cut. */
    boolean repairAll() {
        boolean any = !cut.isEmpty();
        cut.clear();
        return any;
    }
}
