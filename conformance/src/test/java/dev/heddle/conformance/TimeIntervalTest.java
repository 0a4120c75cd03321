package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Sim;
import dev.heddle.time.Interval;
import dev.heddle.time.MissedTickBehavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tokio/tests/time_interval.rs}: {@link Interval} and its {@link MissedTickBehavior}s,
 * with time stepped by {@link dev.heddle.sim.SimTime#advance(Duration)} (Tokio's
 * {@code time::advance} on its paused clock, which a simulation's clock always is).
 *
 * <p>Tokio's {@code check_interval_poll!} polls the interval by hand: every expected tick is
 * ready, then it is pending. Here every expected {@link Interval#tick()} completes without time
 * moving, and then the next tick is not due yet ({@link #checkIntervalPoll}). Tokio advances
 * 1 ms before the first poll because its timer is only so granular; the translation keeps that
 * step, so every expected instant is Tokio's, including the ones its comments call off by one.
 */
class TimeIntervalTest {
    private static final long MS = 1_000_000;

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    /**
     * Tokio's {@code check_interval_poll!(i, start, deltas...)}: each tick is ready at once with the
     * instant {@code start + delta}, then the interval is pending.
     */
    private static void checkIntervalPoll(Interval i, long start, long... deltasMs) {
        long now = Heddle.now();
        for (long delta : deltasMs) {
            assertEquals(start + delta * MS, i.tick(), "tick at " + now / MS + " ms");
            assertEquals(now, Heddle.now(), "a due tick takes no time");
        }
        assertTrue(i.nextTick() > now, "pending at " + now / MS + " ms, but the next tick is due at "
                + i.nextTick() / MS + " ms");
    }

    /**
     * The opening every test of the file shares: 1 ms in, an interval of 300 ms from {@code start}
     * (Tokio's {@code interval_at}, whose default behaviour is burst), set to {@code behavior}, ticks
     * at once, then at 300 ms.
     */
    private static Interval opening(Sim sim, long start, MissedTickBehavior behavior) {
        sim.time().advance(ms(1));
        Interval i = new Interval(sim.clock(), start, ms(300), MissedTickBehavior.BURST);
        i.setMissedTickBehavior(behavior);
        checkIntervalPoll(i, start, 0);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        sim.time().advance(ms(200));
        checkIntervalPoll(i, start, 300);
        return i;
    }

    // Tokio: interval_zero_duration, tokio/tests/time_interval.rs
    // Tokio's interval_at panics on a zero period; Heddle's fails fast with an IllegalArgumentException.
    @CurrentThreadTest
    void intervalZeroDuration(Sim sim) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Interval(sim.clock(), Heddle.now(), ms(0), MissedTickBehavior.BURST));
        assertEquals("period must be positive, was PT0S", e.getMessage());
    }

    // Tokio: burst, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void burst(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.BURST);
        sim.time().advance(ms(650));
        checkIntervalPoll(i, start, 600, 900);
        sim.time().advance(ms(200));
        checkIntervalPoll(i, start);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start, 1200);
        sim.time().advance(ms(250));
        checkIntervalPoll(i, start, 1500);
        sim.time().advance(ms(300));
        checkIntervalPoll(i, start, 1800);
    }

    // Tokio: delay, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void delay(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.DELAY);
        sim.time().advance(ms(650));
        checkIntervalPoll(i, start, 600);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        sim.time().advance(ms(201));
        checkIntervalPoll(i, start, 1251);
        sim.time().advance(ms(300));
        checkIntervalPoll(i, start, 1551);
        sim.time().advance(ms(300));
        checkIntervalPoll(i, start, 1851);
    }

    // Tokio: skip, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void skip(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.SKIP);
        sim.time().advance(ms(650));
        checkIntervalPoll(i, start, 600);
        sim.time().advance(ms(250));
        checkIntervalPoll(i, start, 1200);
        sim.time().advance(ms(300));
        checkIntervalPoll(i, start, 1500);
        sim.time().advance(ms(300));
        checkIntervalPoll(i, start, 1800);
    }

    // Tokio: reset, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void reset(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.BURST);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        i.reset();
        sim.time().advance(ms(250));
        checkIntervalPoll(i, start);
        sim.time().advance(ms(50));
        checkIntervalPoll(i, start, 701);
        sim.time().advance(ms(300));
        checkIntervalPoll(i, start, 1001);
    }

    // Tokio: reset_immediately, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void resetImmediately(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.BURST);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        i.resetImmediately();
        checkIntervalPoll(i, start, 401);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        sim.time().advance(ms(200));
        checkIntervalPoll(i, start, 701);
    }

    // Tokio: reset_after, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void resetAfter(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.BURST);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        i.resetAfter(ms(20));
        sim.time().advance(ms(20));
        checkIntervalPoll(i, start, 421);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        sim.time().advance(ms(200));
        checkIntervalPoll(i, start, 721);
    }

    // Tokio: reset_at, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void resetAt(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.BURST);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        i.resetAt(Heddle.now() + 40 * MS);
        sim.time().advance(ms(40));
        checkIntervalPoll(i, start, 441);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        sim.time().advance(ms(200));
        checkIntervalPoll(i, start, 741);
    }

    // Tokio: reset_at_bigger_than_interval, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void resetAtBiggerThanInterval(Sim sim) {
        long start = Heddle.now();
        Interval i = opening(sim, start, MissedTickBehavior.BURST);
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start);
        i.resetAt(Heddle.now() + 1000 * MS);
        for (int k = 0; k < 3; k++) {
            sim.time().advance(ms(300));
            checkIntervalPoll(i, start);
        }
        sim.time().advance(ms(100));
        checkIntervalPoll(i, start, 1401);
        sim.time().advance(ms(300));
        checkIntervalPoll(i, start, 1701);
    }

    // Tokio: stream_with_interval_poll_tick_self_waking, tokio/tests/time_interval.rs
    // Tokio's IntervalStreamer counts ticks of a 10 ms interval and yields every fourth count, up to
    // 12, inside a 150 ms timeout; here a task ticks the interval and sends every fourth count.
    @CurrentThreadTest
    void streamWithIntervalPollTickSelfWaking(Sim sim) {
        Channel<Integer> results = Mpsc.bounded(12);
        Interval timer = sim.clock().interval(ms(10));
        sim.spawn(() -> {
            try (var tx = results.sender()) {
                sim.clock().timeout(ms(150), () -> {
                    int counter = 0;
                    while (counter <= 12) {
                        timer.tick();
                        counter++;
                        if (counter % 4 == 0) {
                            tx.send(counter);
                        }
                    }
                });
            }
        });
        List<Integer> items = new ArrayList<>();
        for (Integer result = results.receiver().recv(); result != null; result = results.receiver().recv()) {
            items.add(result);
        }
        assertEquals(List.of(4, 8, 12), items);
        assertEquals(120 * MS, Heddle.now(), "the thirteenth tick, at 120 ms, ends the stream, before the timeout");
    }

    // Tokio: interval_doesnt_panic_max_duration_when_polling, tokio/tests/time_interval.rs
    @CurrentThreadTest
    void intervalDoesntPanicMaxDurationWhenPolling(Sim sim) {
        long now = Heddle.now();
        Interval timer = sim.clock().interval(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        assertEquals(now, timer.tick());
        assertEquals(now, Heddle.now(), "the first tick is ready at once");
    }
}
