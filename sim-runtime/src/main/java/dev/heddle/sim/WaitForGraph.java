package dev.heddle.sim;

import java.util.List;

/**
 * Who waits for whom in a stuck run: for each blocked task, the locks it holds that others
 * wait for, what it waits for, and the tasks that hold that; and the first cycle, if there is
 * one, which is the deadlock. Locks are named by kind and by a number in the order the report
 * meets them ({@code Mutex@1}, {@code ReentrantLock@2}, {@code synchronized(Account@3)}), the
 * same in every run of the seed. {@link #toString()} is the report's text:
 * <pre>{@code
 * Wait-for graph:
 *   cycle: transfer-a-to-b#2 holds Mutex@1, waits for Mutex@2 held by transfer-b-to-a#3, which waits for Mutex@1
 *   transfer-a-to-b#2 holds Mutex@1, waits for Mutex@2 held by transfer-b-to-a#3
 *       at Bank.transfer(Bank.java:34)
 *   ...
 * }</pre>
 * Owners are found from the tasks' own frames (the guards, monitors and JDK locks they hold),
 * never guessed: where an owner cannot be found, the wait says why in {@link Wait#ownerNote()}.
 *
 * @param cycle the tasks of the first cycle found, each waiting for one the next holds (or for
 *     the next to end) and the last for the first; empty when there is none
 * @param waits one per blocked task, in spawn order
 */
public record WaitForGraph(List<String> cycle, List<Wait> waits) {

    /** @throws IllegalArgumentException if a task of the cycle has no wait */
    public WaitForGraph {
        cycle = List.copyOf(cycle);
        waits = List.copyOf(waits);
        for (String task : cycle) {
            if (waits.stream().noneMatch(w -> w.task().equals(task))) {
                throw new IllegalArgumentException("task " + task + " is in the cycle but has no wait in " + waits);
            }
        }
    }

    /**
     * One blocked task's wait.
     *
     * @param task the task, as reports name it ({@code transfer-a-to-b#2})
     * @param holds the locks it holds that blocked tasks wait for
     * @param waitsFor what it waits for: a lock ({@code Mutex@2}, {@code RwLock@1 (write)}), the end
     *     of a task ({@code the end of worker#4}), or another wait as a task dump names it
     *     ({@code mpsc recv})
     * @param heldBy the tasks that hold the lock it waits for, or the task whose end it awaits;
     *     empty when none was found
     * @param ownerNote when {@code heldBy} is empty, why; else empty
     * @param stack its stack trimmed to the user's code: the frames outside the JDK and Heddle,
     *     innermost first
     */
    public record Wait(String task, List<String> holds, String waitsFor, List<String> heldBy, String ownerNote,
                       List<StackTraceElement> stack) {

        public Wait {
            holds = List.copyOf(holds);
            heldBy = List.copyOf(heldBy);
            stack = List.copyOf(stack);
        }

        /** True when it waits for a task to end rather than for a lock. */
        boolean isJoin() {
            return waitsFor.startsWith(JOIN);
        }

        /** {@code holds Mutex@1, waits for Mutex@2 held by b#3}, as the report's line for it says. */
        String describe() {
            return (holds.isEmpty() ? "" : "holds " + String.join(", ", holds) + ", ") + "waits for " + waitsFor
                    + (heldBy.isEmpty() || isJoin() ? "" : " held by " + String.join(" and ", heldBy))
                    + (ownerNote.isEmpty() ? "" : " (" + ownerNote + ")");
        }
    }

    /** How {@link Wait#waitsFor()} starts for a wait on a task's end. */
    static final String JOIN = "the end of ";

    /** The wait of {@code task}, or null when it is not blocked. */
    public Wait waitOf(String task) {
        for (Wait w : waits) {
            if (w.task().equals(task)) {
                return w;
            }
        }
        return null;
    }

    /**
     * The cycle in one line: {@code a#2 holds Mutex@1, waits for Mutex@2 held by b#3, which waits
     * for Mutex@1}; empty when there is none.
     */
    public String cycleText() {
        if (cycle.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(cycle.getFirst());
        Wait closing = waitOf(cycle.getLast());
        if (!closing.isJoin()) {
            String lock = closing.waitsFor();
            int mode = lock.indexOf(" (");
            sb.append(" holds ").append(mode < 0 ? lock : lock.substring(0, mode)).append(',');
        }
        for (int i = 0; i < cycle.size(); i++) {
            Wait w = waitOf(cycle.get(i));
            boolean last = i == cycle.size() - 1;
            sb.append(i == 0 ? " waits for " : ", which waits for ").append(w.waitsFor());
            if (!last && !w.isJoin()) {
                sb.append(" held by ").append(cycle.get(i + 1));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Wait-for graph:\n");
        sb.append(cycle.isEmpty() ? "  no cycle: the blocked tasks wait, directly or through others, on something"
                + " no blocked task holds\n" : "  cycle: " + cycleText() + "\n");
        for (Wait w : waits) {
            sb.append("  ").append(w.task()).append(' ').append(w.describe()).append('\n');
            for (StackTraceElement frame : w.stack()) {
                sb.append("      at ").append(frame).append('\n');
            }
        }
        return sb.toString();
    }
}
