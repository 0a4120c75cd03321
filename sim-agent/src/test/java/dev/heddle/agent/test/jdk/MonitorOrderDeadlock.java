package dev.heddle.agent.test.jdk;

/** Bug: two threads take the same two monitors in opposite orders, so each may hold one and wait for the other. */
public final class MonitorOrderDeadlock implements ConcurrencyProgram {
    private final Object left = new Object();
    private final Object right = new Object();
    private int moves;

    @Override
    public void run() throws Exception {
        Thread leftFirst = new Thread(() -> {
            synchronized (left) {
                synchronized (right) {
                    moves++;
                }
            }
        }, "left-first");
        Thread rightFirst = new Thread(() -> {
            synchronized (right) {
                synchronized (left) {
                    moves++;
                }
            }
        }, "right-first");
        leftFirst.start();
        rightFirst.start();
        leftFirst.join();
        rightFirst.join();
        if (moves != 2) {
            throw new AssertionError("2 moves expected, " + moves + " made");
        }
    }
}
