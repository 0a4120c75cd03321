package dev.heddle.agent.test.jdk;

/** Correct: two threads take the same two monitors in one order, so neither can wait for the other's. */
public final class MonitorOrderConsistent implements ConcurrencyProgram {
    private final Object left = new Object();
    private final Object right = new Object();
    private int moves;

    private void move() {
        synchronized (left) {
            synchronized (right) {
                moves++;
            }
        }
    }

    @Override
    public void run() throws Exception {
        Thread first = new Thread(this::move, "first");
        Thread second = new Thread(this::move, "second");
        first.start();
        second.start();
        first.join(5_000);
        second.join(5_000);
        if (first.isAlive() || second.isAlive()) {
            throw new AssertionError("a mover is still running after 5 s");
        }
        synchronized (left) {
            if (moves != 2) {
                throw new AssertionError("2 moves expected, " + moves + " made");
            }
        }
    }
}
