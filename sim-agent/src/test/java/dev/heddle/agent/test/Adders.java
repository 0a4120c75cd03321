package dev.heddle.agent.test;

/** Two platform threads that add to one counter without a lock, as code written for the JDK does: a lost update. */
public final class Adders {
    private int count;

    private Adders() {}

    /** Starts two {@code new Thread}s that each add {@code each} times, joins them, returns the count. */
    public static int racingAdds(int each) throws InterruptedException {
        Adders shared = new Adders();
        Runnable adds = () -> {
            for (int i = 0; i < each; i++) {
                shared.count = shared.count + 1;
            }
        };
        Thread a = new Thread(adds, "adder-a");
        Thread b = new Thread(adds, "adder-b");
        a.start();
        b.start();
        a.join();
        b.join();
        return shared.count;
    }
}
