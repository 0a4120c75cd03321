package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A host clock's two mappings, true time to host time and back, on their own. */
class HostClockTest {

    /** trueTime(l) is the first true time at which the host reads l: a timer there is never early, never late. */
    @Test
    void trueTimeIsTheFirstMomentTheHostClockReadsTheDeadline() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            HostClock clock = new HostClock(Duration.ofNanos(random.nextLong(-Duration.ofDays(400).toNanos(),
                    Duration.ofDays(400).toNanos())), random.nextDouble(-HostClock.MAX_DRIFT_PPM,
                    HostClock.MAX_DRIFT_PPM));
            long local = random.nextLong(-Duration.ofDays(500).toNanos(), Duration.ofDays(500).toNanos());
            long t = clock.trueTime(local);
            assertTrue(clock.localTime(t) >= local && clock.localTime(t - 1) < local, clock + " at " + local);
        }
    }

    @Test
    void localTimeIsOffsetPlusDriftedTrueTime() {
        HostClock clock = new HostClock(Duration.ofMillis(-250), 100);
        assertEquals(-250_000_000, clock.localTime(0));
        assertEquals(10_000_000_000L - 250_000_000 + 1_000_000, clock.localTime(10_000_000_000L));
        assertEquals(10_000_000_000L, clock.trueTime(10_000_000_000L - 250_000_000 + 1_000_000));
        assertEquals(0, HostClock.EXACT.localTime(0));
        assertEquals(123, HostClock.EXACT.trueTime(123));
    }

    @Test
    void farDeadlinesSaturateInsteadOfOverflowing() {
        HostClock slow = new HostClock(HostClock.MAX_OFFSET.negated(), -HostClock.MAX_DRIFT_PPM);
        assertEquals(Long.MAX_VALUE, slow.trueTime(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, slow.trueTime(Long.MAX_VALUE - 1));
        HostClock fast = new HostClock(HostClock.MAX_OFFSET, HostClock.MAX_DRIFT_PPM);
        assertEquals(Long.MAX_VALUE, fast.localTime(Long.MAX_VALUE - 5));
        assertEquals(Long.MIN_VALUE, fast.trueTime(Long.MIN_VALUE));
    }
}
