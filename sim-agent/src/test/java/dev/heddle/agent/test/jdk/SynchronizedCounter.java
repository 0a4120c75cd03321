package dev.heddle.agent.test.jdk;

/** Correct: two threads increment a field inside synchronized methods, so no increment is lost. */
public final class SynchronizedCounter implements ConcurrencyProgram {
    private static final int PER_THREAD = 3;
    private int hits;

    private synchronized void hit() {
        hits++;
    }

    private synchronized int hits() {
        return hits;
    }

    private void count() {
        for (int i = 0; i < PER_THREAD; i++) {
            hit();
        }
    }

    @Override
    public void run() throws Exception {
        Thread a = new Thread(this::count, "counter-a");
        Thread b = new Thread(this::count, "counter-b");
        a.start();
        b.start();
        a.join(5_000);
        b.join(5_000);
        if (hits() != 2 * PER_THREAD) {
            throw new AssertionError(2 * PER_THREAD + " hits expected, " + hits() + " counted");
        }
    }
}
