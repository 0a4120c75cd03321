package dev.heddle.agent.test;

/** A plain boolean one task raises and another busy-waits on, never suspending. */
public final class Flag {
    private boolean raised;
    private long spins;

    public void raise() {
        raised = true;
    }

    public void await() {
        while (!raised) {
            spins++;
        }
    }

    /** A loop that never ends and never suspends. */
    public static void spinForever() {
        long n = 0;
        while (n >= 0) {
            n = n + 1 | 1;
        }
    }
}
