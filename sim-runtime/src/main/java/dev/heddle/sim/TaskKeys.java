package dev.heddle.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * The identity of a task that a {@link DecisionLog} names when it says which task ran: not its
 * id (its place in spawn order, which one more task spawned earlier shifts) but a hash of its
 * parent's key, the method that spawned it (class and method name, without the line, and
 * without the number the compiler gives a lambda) and how many tasks that parent had spawned
 * from that method before it. A task the code under test gains or loses elsewhere leaves the
 * others' keys as they were, so a replay still finds them. A task started outside any step
 * (the main task) or on a host has no spawn site of its own: its parent, the host's name and
 * its turn stand for it.
 */
final class TaskKeys {
    /** Per parent and site, how many tasks were spawned there so far. */
    private final Map<Long, Integer> spawned = new HashMap<>();

    /** The key of a new task spawned by {@code parent} (null outside any step) at {@code site} (null if unknown). */
    long of(SimTask parent, StackTraceElement site, Incarnation incarnation) {
        long parentKey = parent == null ? 0 : parent.key;
        String where = site != null ? site.getClassName() + "." + withoutLambdaNumber(site.getMethodName())
                : incarnation != null ? "@" + incarnation.name() : "";
        long place = SimRandom.mix(parentKey * 31 + where.hashCode());
        int turn = spawned.merge(place, 1, Integer::sum);
        return SimRandom.mix(place + turn);
    }

    /** {@code lambda$test$3} -> {@code lambda$test}: the number moves when a lambda is added before it. */
    private static String withoutLambdaNumber(String method) {
        int dollar = method.lastIndexOf('$');
        if (!method.startsWith("lambda$") || dollar <= "lambda".length()) {
            return method;
        }
        for (int i = dollar + 1; i < method.length(); i++) {
            if (!Character.isDigit(method.charAt(i))) {
                return method;
            }
        }
        return method.substring(0, dollar);
    }
}
