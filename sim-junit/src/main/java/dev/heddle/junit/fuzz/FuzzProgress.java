package dev.heddle.junit.fuzz;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress of a fuzz run: on a terminal, one line rewritten in place a few times a second;
 * otherwise (a CI log) a plain line every {@value #PLAIN_EVERY_SECONDS} seconds. Each gives the
 * seeds done, seeds per second, failures so far and the time left (from the rate, for
 * {@code --seeds}; from the clock, for {@code --duration}).
 */
final class FuzzProgress {
    static final int PLAIN_EVERY_SECONDS = 10;
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;

    private final PrintStream to;
    private final boolean terminal;
    private final long total;
    private final long deadlineNanos;
    private final long start = System.nanoTime();
    private long next;
    private long seeds;
    private long failures;

    /** {@code total} seeds to run, 0 when the run ends at {@code deadlineNanos} ({@link System#nanoTime()}) instead. */
    FuzzProgress(PrintStream to, boolean terminal, long total, long deadlineNanos) {
        this.to = to;
        this.terminal = terminal;
        this.total = total;
        this.deadlineNanos = deadlineNanos;
        this.next = start + (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_SECONDS * 1_000_000_000L);
    }

    synchronized void seed(boolean failed) {
        seeds++;
        if (failed) {
            failures++;
        }
        long now = System.nanoTime();
        if (now - next >= 0) {
            next = now + (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_SECONDS * 1_000_000_000L);
            String line = line(now);
            if (terminal) {
                to.print("\r" + line + "\u001b[K");
                to.flush();
            } else {
                to.println(line);
            }
        }
    }

    /** Ends the line a terminal was rewriting. */
    synchronized void finish() {
        if (terminal && seeds > 0) {
            to.print("\r" + line(System.nanoTime()) + "\u001b[K\n");
            to.flush();
        }
    }

    private String line(long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = seeds / seconds;
        double left = total > 0 ? (total - seeds) / Math.max(rate, 1e-9) : Math.max(0, (deadlineNanos - now) / 1e9);
        return String.format(Locale.ROOT, "fuzz: %d%s seeds, %.0f seeds/s, %d failure%s, %s left", seeds,
                total > 0 ? "/" + total : "", rate, failures, failures == 1 ? "" : "s", time(left));
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
