package dev.heddle.check;

import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoryRecorderTest {

    @Test
    void positionsComeFromTheGivenClock() {
        AtomicLong clock = new AtomicLong(100);
        HistoryRecorder recorder = new HistoryRecorder(clock::get);
        PendingOperation write = recorder.invoke(0, "write", null, 5);
        clock.set(150);
        write.ok(null);
        PendingOperation read = recorder.invoke(1, "read", null, null);
        clock.set(170);
        PendingOperation crashed = recorder.invoke(2, "write", null, 6L);
        crashed.unknown();
        recorder.invoke(3, "write", null, 7L);
        read.ok(5L);
        History history = recorder.history();
        assertEquals(4, history.size());
        assertEquals(Operation.ok(0, "write", null, 5L, null, 100, 150), history.operations().get(0));
        assertEquals(Operation.unknown(2, "write", null, 6L, 170), history.operations().get(1));
        assertEquals(Operation.ok(1, "read", null, null, 5L, 150, 170), history.operations().get(2));
        assertEquals(Operation.unknown(3, "write", null, 7L, 170), history.operations().get(3), "still pending");
        assertEquals(Verdict.LINEARIZABLE, LinearizabilityChecker.of(Models.register()).check(history).verdict());
    }

    @Test
    void completingTwiceIsAnError() {
        PendingOperation op = new HistoryRecorder(System::nanoTime).invoke(0, "read", null, null);
        op.ok(1L);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> op.fail(null));
        assertEquals(true, e.getMessage().contains("already completed"));
    }
}
