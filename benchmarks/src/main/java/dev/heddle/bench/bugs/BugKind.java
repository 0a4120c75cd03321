package dev.heddle.bench.bugs;

/** The kind of concurrency bug a {@link BugProgram} plants, in the words of the bug-finding literature. */
public enum BugKind {
    /** Two steps meant to be one (a read and a write, a check and an act) are split by another task's step. */
    ATOMICITY_VIOLATION("atomicity violation"),
    /** Tasks wait for each other's locks in a cycle. */
    DEADLOCK("deadlock"),
    /** A signal is sent when nobody waits yet, or to the wrong waiter, and a waiter sleeps forever. */
    LOST_WAKE_UP("lost wake-up"),
    /** A waiter acts on a condition it no longer re-checks after it wakes. */
    UNCHECKED_WAKE_UP("unchecked wake-up"),
    /** One task sees another's object before the other finished building it. */
    ORDER_VIOLATION("order violation"),
    /** The bug shows only when one task runs no step for a long stretch while another runs many. */
    STARVATION("starvation");

    private final String label;

    BugKind(String label) {
        this.label = label;
    }

    /** The kind in words, as the benchmark's table prints it. */
    public String label() {
        return label;
    }
}
