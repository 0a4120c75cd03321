package dev.heddle.check.cli;

import dev.heddle.check.SearchProgress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The progress lines' schedule and words, on a fake clock and with the ticks called by hand. */
class ProgressReporterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aCheckReportsAfterTheFirstDelayThenEveryIntervalUntilItEnds() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter reporter = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new ProgressReporter.Schedule(Duration.ofSeconds(2), Duration.ofSeconds(5), null), () -> now[0]);
        Runnable stopA = reporter.watch(1, "a.log", 1234, new SearchProgress());
        now[0] = SECOND;
        Runnable stopB = reporter.watch(0, "b.log", 7, new SearchProgress());
        now[0] = 2 * SECOND - 1;
        reporter.tick();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        now[0] = 2 * SECOND;
        reporter.tick();
        String a = "heddle lin: a.log: still checking after %s s: 0 search steps, 0 configurations cached,"
                + " at most 0 of 1,234 operations linearized at once\n";
        String b = "heddle lin: b.log: still checking after %s s: 0 search steps, 0 configurations cached,"
                + " at most 0 of 7 operations linearized at once\n";
        assertEquals(a.formatted("2.0"), bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        now[0] = 3 * SECOND;
        reporter.tick();
        // Both due at once: printed in the files' order (b is printed first), not the order they started.
        now[0] = 7 * SECOND;
        reporter.tick();
        assertEquals(b.formatted("2.0") + a.formatted("7.0"), bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        stopA.run();
        now[0] = 9 * SECOND;
        reporter.tick();
        assertEquals(b.formatted("8.0"), bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        stopB.run();
        now[0] = 60 * SECOND;
        reporter.tick();
        reporter.close();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
