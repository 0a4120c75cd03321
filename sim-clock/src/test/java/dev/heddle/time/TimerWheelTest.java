package dev.heddle.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deterministic: the timeout only turns a hang (a looping wheel) into a failure. */
@Timeout(60)
class TimerWheelTest {
    private static final long MS = 1_000_000;

    /** An action that only names itself, so the order of handed-out actions can be compared. */
    private record Named(String name) implements Runnable {
        @Override
        public void run() {
        }
    }

    private final TimerWheel wheel = new TimerWheel();

    private List<String> advance(long time) {
        List<Runnable> due = new ArrayList<>();
        int count = wheel.advanceTo(time, due::add);
        assertEquals(due.size(), count);
        return due.stream().map(action -> ((Named) action).name()).toList();
    }

    @Test
    void anEmptyWheelHasNoDeadline() {
        assertTrue(wheel.isEmpty());
        assertEquals(0, wheel.size());
        assertEquals(Long.MAX_VALUE, wheel.nextDeadline());
        assertEquals(List.of(), advance(Long.MAX_VALUE));
    }

    @Test
    void everyLevelAndTheOverflowFireExactlyAtTheirTickAndNotBefore() {
        List<Long> ticks = new ArrayList<>();
        for (int level = 0; level <= 7; level++) {
            long span = 1L << (6 * level);
            ticks.add(span);
            ticks.add(span + 1);
            ticks.add(2 * span - 1);
            if (level <= 6) {
                ticks.add(63 * span + 17);
            }
        }
        for (long tick : ticks) {
            TimerWheel single = new TimerWheel();
            List<Runnable> fired = new ArrayList<>();
            single.insert(tick * MS, new Named("t"));
            assertEquals(tick * MS, single.nextDeadline(), "next deadline of tick " + tick);
            assertEquals(0, single.advanceTo(tick * MS - 1, fired::add), "fired before tick " + tick);
            assertEquals(tick * MS, single.nextDeadline(), "next deadline of tick " + tick + " after cascading");
            assertEquals(1, single.advanceTo(tick * MS, fired::add), "did not fire at tick " + tick);
            assertTrue(single.isEmpty());
        }
    }

    @Test
    void timersAcrossAllLevelsFireInOrderWhenTimeJumpsFromDeadlineToDeadline() {
        long[] ticks = {1, 64, 64 * 64, 1L << 18, 1L << 24, 1L << 30, 1L << 36, 1L << 40, 63, 4095, (1L << 36) + 1};
        for (long tick : ticks) {
            wheel.insert(tick * MS, new Named(Long.toString(tick)));
        }
        long[] sorted = ticks.clone();
        Arrays.sort(sorted);
        for (long tick : sorted) {
            assertEquals(tick * MS, wheel.nextDeadline());
            assertEquals(List.of(), advance(tick * MS - 1));
            assertEquals(List.of(Long.toString(tick)), advance(tick * MS));
        }
        assertTrue(wheel.isEmpty());
    }

    @Test
    void deadlinesRoundUpToTheNextMillisecond() {
        wheel.insert(MS + 1, new Named("a"));
        assertEquals(2 * MS, wheel.nextDeadline());
        assertEquals(List.of(), advance(2 * MS - 1));
        assertEquals(List.of("a"), advance(2 * MS));
    }

    @Test
    void farFutureDeadlinesFireAtTheirTick() {
        long half = Long.MAX_VALUE / 2;
        long halfTick = Math.ceilDiv(half, MS) * MS;
        wheel.insert(Long.MAX_VALUE, new Named("max"));
        wheel.insert(half, new Named("half"));
        wheel.insert(5 * MS, new Named("near"));
        assertEquals(3, wheel.size());
        assertEquals(5 * MS, wheel.nextDeadline());
        assertEquals(List.of("near"), advance(5 * MS));
        assertEquals(halfTick, wheel.nextDeadline());
        assertEquals(List.of(), advance(halfTick - 1));
        assertEquals(List.of("half"), advance(halfTick));
        assertEquals(Long.MAX_VALUE, wheel.nextDeadline());
        assertFalse(wheel.isEmpty());
        assertEquals(List.of(), advance(Long.MAX_VALUE - 1));
        assertEquals(List.of("max"), advance(Long.MAX_VALUE));
        assertTrue(wheel.isEmpty());
    }

    @Test
    void farFutureTimersInTheSameDistantBlockKeepTheirOrder() {
        long base = (1L << 42) * MS;
        wheel.insert(base + 7 * MS, new Named("b"));
        wheel.insert(base + 3 * MS, new Named("a"));
        wheel.insert(base + 7 * MS - 1, new Named("c"));
        wheel.insert(base + (1L << 37) * MS, new Named("d"));
        assertEquals(base + 3 * MS, wheel.nextDeadline());
        assertEquals(List.of("a", "b", "c"), advance(base + 7 * MS));
        assertEquals(List.of("d"), advance(Long.MAX_VALUE));
    }

    @Test
    void equalDeadlinesFireInInsertionOrderAcrossCascades() {
        long tick = (1L << 18) + (3L << 12) + (5L << 6) + 9;
        long deadline = tick * MS;
        wheel.insert(deadline, new Named("1 at level 3"));
        wheel.insert(deadline - MS + 1, new Named("2 at level 3, same tick"));
        advance((1L << 18) * MS);
        wheel.insert(deadline, new Named("3 at level 2"));
        advance(((1L << 18) + (3L << 12)) * MS + 1);
        wheel.insert(deadline - 1, new Named("4 at level 1"));
        advance(((1L << 18) + (3L << 12) + (5L << 6)) * MS);
        wheel.insert(deadline, new Named("5 at level 0"));
        advance(deadline - 1);
        wheel.insert(deadline, new Named("6 after the last cascade"));
        assertEquals(deadline, wheel.nextDeadline());
        assertEquals(List.of("1 at level 3", "2 at level 3, same tick", "3 at level 2", "4 at level 1",
                "5 at level 0", "6 after the last cascade"), advance(deadline));
    }

    @Test
    void equalDeadlinesFromTheOverflowFireInInsertionOrder() {
        long deadline = ((1L << 40) + 77) * MS;
        for (int i = 0; i < 5; i++) {
            wheel.insert(deadline + (1L << 36) * MS, new Named("later " + i));
            wheel.insert(deadline, new Named("first " + i));
        }
        assertEquals(deadline, wheel.nextDeadline());
        assertEquals(List.of("first 0", "first 1", "first 2", "first 3", "first 4"), advance(deadline));
        assertEquals(List.of("later 0", "later 1", "later 2", "later 3", "later 4"), advance(Long.MAX_VALUE));
    }

    @Test
    void aSortedSlotStaysInTickThenInsertionOrder() {
        long base = 10_000;
        wheel.insert((base + 30) * MS, new Named("30a"));
        wheel.insert((base + 10) * MS, new Named("10a"));
        wheel.insert((base + 20) * MS, new Named("20a"));
        assertEquals((base + 10) * MS, wheel.nextDeadline());
        wheel.insert((base + 10) * MS, new Named("10b"));
        wheel.insert((base + 5) * MS, new Named("5"));
        wheel.insert((base + 30) * MS, new Named("30b"));
        assertEquals((base + 5) * MS, wheel.nextDeadline());
        assertEquals(List.of("5", "10a", "10b", "20a", "30a", "30b"), advance((base + 40) * MS));
    }

    @Test
    void cancelledTimersNeverFireAndCancelReportsWhetherItDidAnything() {
        Timer kept = wheel.insert(3 * MS, new Named("kept"));
        Timer cancelled = wheel.insert(3 * MS, new Named("cancelled"));
        Timer far = wheel.insert((1L << 40) * MS, new Named("far"));
        assertTrue(cancelled.cancel());
        assertFalse(cancelled.cancel());
        assertTrue(far.cancel());
        assertEquals(1, wheel.size());
        assertEquals(List.of("kept"), advance(Long.MAX_VALUE));
        assertFalse(kept.cancel());
        assertEquals(3 * MS, kept.deadline());
        assertTrue(wheel.isEmpty());
    }

    @Test
    void cancellingTheEarliestTimerMovesTheNextDeadline() {
        Timer first = wheel.insert(100 * MS, new Named("a"));
        wheel.insert(5_000 * MS, new Named("b"));
        Timer third = wheel.insert(200 * MS, new Named("c"));
        assertEquals(100 * MS, wheel.nextDeadline());
        first.cancel();
        assertEquals(200 * MS, wheel.nextDeadline());
        third.cancel();
        assertEquals(5_000 * MS, wheel.nextDeadline());
    }

    @Test
    void deadlinesInThePastAreDueAtTheNextAdvanceInInsertionOrder() {
        wheel.insert(10 * MS, new Named("pending"));
        advance(7 * MS + 500);
        wheel.insert(7 * MS + 400, new Named("late"));
        wheel.insert(-5, new Named("very late"));
        wheel.insert(7 * MS + 500, new Named("now"));
        wheel.insert(7 * MS + 501, new Named("next tick"));
        assertEquals(7 * MS, wheel.nextDeadline());
        assertEquals(List.of("late", "very late", "now"), advance(7 * MS + 500));
        assertEquals(8 * MS, wheel.nextDeadline());
        assertEquals(List.of("next tick", "pending"), advance(10 * MS));
    }

    @Test
    void timeNeverMovesBackwards() {
        advance(50 * MS);
        wheel.insert(40 * MS, new Named("past"));
        wheel.insert(51 * MS, new Named("future"));
        assertEquals(List.of("past"), advance(10 * MS));
        assertEquals(51 * MS, wheel.nextDeadline());
    }

    @Test
    void whatTheConsumerSchedulesForNowIsHandedOutInTheSameAdvanceAfterWhatWasDue() {
        wheel.insert(5 * MS, new Named("a"));
        wheel.insert(5 * MS, new Named("b"));
        wheel.insert(6 * MS, new Named("c"));
        List<String> order = new ArrayList<>();
        wheel.advanceTo(6 * MS, action -> {
            String name = ((Named) action).name();
            order.add(name);
            if (name.equals("a")) {
                wheel.insert(0, new Named("scheduled by a"));
                wheel.insert(6 * MS, new Named("scheduled by a for 6"));
            }
        });
        assertEquals(List.of("a", "b", "scheduled by a", "c", "scheduled by a for 6"), order);
        assertTrue(wheel.isEmpty());
    }

    /** The reference model: every pending timer in a priority queue ordered by (tick, insertion). */
    private record Reference(long tick, long sequence, int id, Timer timer) {
    }

    @Test
    void behavesLikeASortedQueueUnderRandomInsertsCancelsAndAdvances() {
        Random random = new Random(0x5EED_7135L);
        PriorityQueue<Reference> reference = new PriorityQueue<>(
                Comparator.comparingLong(Reference::tick).thenComparingLong(Reference::sequence));
        List<Reference> everInserted = new ArrayList<>();
        long now = 0;
        long sequence = 0;
        int fired = 0;
        for (int operation = 0; operation < 40_000; operation++) {
            int choice = random.nextInt(100);
            if (choice < 55) {
                long deadline = randomDeadline(random, now);
                long position = now == Long.MAX_VALUE ? Long.MAX_VALUE / MS + 1 : now / MS;
                long tick = deadline <= now ? position : Math.max(Math.ceilDiv(deadline, MS), position);
                int id = everInserted.size();
                Timer timer = wheel.insert(deadline, new Named(Integer.toString(id)));
                Reference entry = new Reference(tick, sequence++, id, timer);
                reference.add(entry);
                everInserted.add(entry);
            } else if (choice < 75 && !everInserted.isEmpty()) {
                Reference entry = everInserted.get(random.nextInt(everInserted.size()));
                assertEquals(reference.remove(entry), entry.timer().cancel(), "cancel of timer " + entry.id());
            } else {
                long target = switch (random.nextInt(4)) {
                    case 0 -> now + random.nextLong(3 * MS);
                    case 1 -> now + random.nextLong(5_000 * MS);
                    case 2 -> reference.isEmpty() ? now : Math.max(now, wheel.nextDeadline());
                    default -> now + random.nextLong(1L << 30) * MS;
                };
                if (target < now) {
                    target = Long.MAX_VALUE;
                }
                now = target;
                long position = now == Long.MAX_VALUE ? Long.MAX_VALUE / MS + 1 : now / MS;
                List<String> expected = new ArrayList<>();
                while (!reference.isEmpty() && reference.peek().tick() <= position) {
                    expected.add(Integer.toString(reference.poll().id()));
                }
                assertEquals(expected, advance(now), "advance to " + now + " after operation " + operation);
                fired += expected.size();
            }
            assertEquals(reference.size(), wheel.size());
            long expectedNext = reference.isEmpty() ? Long.MAX_VALUE
                    : reference.peek().tick() > Long.MAX_VALUE / MS ? Long.MAX_VALUE : reference.peek().tick() * MS;
            assertEquals(expectedNext, wheel.nextDeadline(), "next deadline after operation " + operation);
        }
        assertTrue(fired > 5_000, "the test should fire many timers, fired " + fired);
    }

    private static long randomDeadline(Random random, long now) {
        long after = now == Long.MAX_VALUE ? 0 : Long.MAX_VALUE - now;
        long offset = switch (random.nextInt(10)) {
            case 0 -> -random.nextLong(10 * MS);
            case 1, 2, 3 -> random.nextLong(100 * MS);
            case 4, 5 -> random.nextLong(64 * 64 * MS) / MS * MS;
            case 6 -> random.nextLong(1L << 30) * MS;
            case 7 -> random.nextLong(1L << 40) * MS;
            case 8 -> random.nextInt(4) * MS;
            default -> random.nextLong(Long.MAX_VALUE);
        };
        return offset > after ? Long.MAX_VALUE - random.nextInt(3) : now + offset;
    }
}
