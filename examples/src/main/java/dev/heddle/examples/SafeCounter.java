package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RacyCounter} fixed: the update is one atomic step, with the suspension point
 * outside it, so no interleaving, simulated or real, loses an increment.
 */
public final class SafeCounter implements Counter {
    private final AtomicLong value = new AtomicLong();

    @Override
    public void increment() {
        Heddle.yieldNow();
        value.incrementAndGet();
    }

    @Override
    public long get() {
        return value.get();
    }
}
