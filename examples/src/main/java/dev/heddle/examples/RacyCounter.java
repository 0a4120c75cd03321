package dev.heddle.examples;

import dev.heddle.runtime.Heddle;

/**
 * A deliberate bug: a read-modify-write with a suspension point in the middle (think of an
 * {@code await} on a cache between reading and writing a balance). Two tasks that both read
 * before either writes lose an update. The simulator finds the interleaving within a few
 * seeds and replays it from the seed.
 */
public final class RacyCounter implements Counter {
    private volatile long value;

    @Override
    public void increment() {
        long read = value;
        Heddle.yieldNow();
        value = read + 1;
    }

    @Override
    public long get() {
        return value;
    }
}
