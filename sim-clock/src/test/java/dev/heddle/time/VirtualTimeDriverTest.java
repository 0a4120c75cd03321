package dev.heddle.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deterministic: the timeout only turns a hang (a looping wheel) into a failure. */
@Timeout(60)
class VirtualTimeDriverTest {
    private static final long MS = 1_000_000;
    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private final VirtualTimeDriver time = new VirtualTimeDriver(EPOCH);
    /** What ran, with the virtual time it saw. */
    private final List<String> log = new ArrayList<>();

    private Runnable logging(String name) {
        return () -> log.add(name + "@" + time.now());
    }

    @Test
    void timeStartsAtZeroAtTheEpochAndStandsStill() {
        assertEquals(0, time.now());
        assertEquals(EPOCH, time.instant());
        assertFalse(time.hasTimers());
        assertEquals(Long.MAX_VALUE, time.nextDeadline());
        assertEquals(0, time.advanceToNextDeadline());
        assertEquals(0, time.now());
    }

    @Test
    void advancingToTheNextDeadlineJumpsToItsMillisecondAndRunsWhatIsDueThere() {
        time.schedule(5 * MS - 300, logging("a"));
        time.schedule(5 * MS, logging("b"));
        time.schedule(9 * MS, logging("c"));
        assertTrue(time.hasTimers());
        assertEquals(5 * MS, time.nextDeadline());
        assertEquals(2, time.advanceToNextDeadline());
        assertEquals(5 * MS, time.now());
        assertEquals(EPOCH.plusMillis(5), time.instant());
        assertEquals(List.of("a@5000000", "b@5000000"), log);
        assertEquals(1, time.advanceToNextDeadline());
        assertEquals(List.of("a@5000000", "b@5000000", "c@9000000"), log);
        assertFalse(time.hasTimers());
    }

    @Test
    void aDeadlineAlreadyPassedRunsAtTheNextAdvanceWithoutMovingTime() {
        time.advanceTo(10 * MS + 500);
        time.schedule(10 * MS + 200, logging("late"));
        time.schedule(0, logging("very late"));
        assertEquals(List.of(), log, "a due timer must not run inline");
        assertEquals(2, time.advanceToNextDeadline());
        assertEquals(10 * MS + 500, time.now());
        assertEquals(List.of("late@10000500", "very late@10000500"), log);
    }

    @Test
    void advanceToRunsTimersInDeadlineOrderAtTheirOwnTimes() {
        time.schedule(30 * MS, logging("30"));
        time.schedule(10 * MS, logging("10 first"));
        time.schedule(20 * MS, logging("20"));
        time.schedule(10 * MS, logging("10 second"));
        time.schedule(41 * MS, logging("41"));
        time.advanceTo(40 * MS + 7);
        assertEquals(List.of("10 first@10000000", "10 second@10000000", "20@20000000", "30@30000000"), log);
        assertEquals(40 * MS + 7, time.now());
        assertEquals(41 * MS, time.nextDeadline());
    }

    @Test
    void advanceToRunsTimersThatActionsScheduleWithinItsRange() {
        time.schedule(10 * MS, () -> {
            log.add("first@" + time.now());
            time.schedule(time.now(), logging("now"));
            time.schedule(25 * MS, logging("later"));
            time.schedule(60 * MS, logging("beyond"));
        });
        time.schedule(10 * MS, logging("second"));
        time.advanceTo(50 * MS);
        assertEquals(List.of("first@10000000", "second@10000000", "now@10000000", "later@25000000"), log);
        assertEquals(60 * MS, time.nextDeadline());
    }

    @Test
    void timersScheduledForNowWhileFiringRunAtTheNextStepAtTheSameTime() {
        time.schedule(10 * MS, () -> {
            log.add("first@" + time.now());
            time.schedule(time.now(), logging("rescheduled"));
        });
        time.schedule(10 * MS, logging("second"));
        assertEquals(2, time.advanceToNextDeadline());
        assertEquals(List.of("first@10000000", "second@10000000"), log);
        assertEquals(10 * MS, time.nextDeadline());
        assertEquals(1, time.advanceToNextDeadline());
        assertEquals(10 * MS, time.now());
        assertEquals(List.of("first@10000000", "second@10000000", "rescheduled@10000000"), log);
    }

    @Test
    void cancelledTimersDoNotRun() {
        Timer cancelled = time.schedule(10 * MS, logging("cancelled"));
        time.schedule(20 * MS, logging("kept"));
        assertTrue(cancelled.cancel());
        assertEquals(20 * MS, time.nextDeadline());
        time.advanceTo(100 * MS);
        assertEquals(List.of("kept@20000000"), log);
        assertFalse(cancelled.cancel());
    }

    @Test
    void timeCannotGoBackwards() {
        time.advanceTo(10 * MS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> time.advanceTo(5 * MS));
        assertTrue(e.getMessage().contains("5000000"), e.getMessage());
        assertEquals(10 * MS, time.now());
    }

    @Test
    void aFailingActionDoesNotStopTheOthersOfItsStepAndIsRethrown() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");
        time.schedule(MS, () -> {
            throw first;
        });
        time.schedule(MS, logging("survivor"));
        time.schedule(MS, () -> {
            throw second;
        });
        time.schedule(2 * MS, logging("next step"));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, time::advanceToNextDeadline);
        assertSame(first, thrown);
        assertEquals(List.of(second), List.of(thrown.getSuppressed()));
        assertEquals(List.of("survivor@1000000"), log);
        assertEquals(1, time.advanceToNextDeadline());
        assertEquals(List.of("survivor@1000000", "next step@2000000"), log);
    }

    @Test
    void anActionCannotAdvanceTime() {
        List<RuntimeException> failures = new ArrayList<>();
        time.schedule(MS, () -> {
            try {
                time.advanceTo(5 * MS);
            } catch (IllegalStateException e) {
                failures.add(e);
            }
        });
        time.advanceToNextDeadline();
        assertEquals(1, failures.size());
        assertEquals(MS, time.now());
    }

    @Test
    void theLastPossibleDeadlineIsReachable() {
        time.schedule(Long.MAX_VALUE, logging("end of time"));
        assertEquals(Long.MAX_VALUE, time.nextDeadline());
        assertTrue(time.hasTimers());
        assertEquals(1, time.advanceToNextDeadline());
        assertEquals(Long.MAX_VALUE, time.now());
        assertEquals(List.of("end of time@" + Long.MAX_VALUE), log);
    }
}
