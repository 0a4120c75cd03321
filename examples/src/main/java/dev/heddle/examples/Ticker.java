package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import dev.heddle.time.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An interval ticker (Tokio's {@code time::interval}): ticks keep their schedule even when
 * the work between them takes time.
 */
public final class Ticker {
    private Ticker() {}

    /** Ticks {@code count} times every {@code period}, doing {@code work} after each, and returns the tick times in ms. */
    public static List<Long> tick(int count, Duration period, Duration work) {
        List<Long> times = new ArrayList<>();
        Interval interval = Heddle.clock().interval(period);
        for (int i = 0; i < count; i++) {
            times.add(interval.tick() / 1_000_000);
            Heddle.sleep(work);
        }
        return times;
    }
}
