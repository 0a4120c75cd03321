package dev.heddle.agent.test;

/**
 * A class whose static initializer runs instrumented code: a thread running a class
 * initializer is pinned to its carrier, so the points it reaches there cannot switch tasks.
 */
public final class Initialized {
    private static final int VALUE;

    static {
        Counter counter = new Counter();
        counter.increment();
        counter.increment();
        VALUE = counter.get();
    }

    private Initialized() {}

    public static int value() {
        return VALUE;
    }
}
