package dev.heddle.agent.test.jdk;

/** Bug: two threads increment a plain int field (read, add, write), so one increment may overwrite the other. */
public final class LostUpdateCounter implements ConcurrencyProgram {
    private static final int PER_THREAD = 3;
    private int hits;

    private void count() {
        for (int i = 0; i < PER_THREAD; i++) {
            hits++;
        }
    }

    @Override
    public void run() throws Exception {
        Thread a = new Thread(this::count, "counter-a");
        Thread b = new Thread(this::count, "counter-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (hits != 2 * PER_THREAD) {
            throw new AssertionError(2 * PER_THREAD + " hits expected, " + hits + " counted");
        }
    }
}
