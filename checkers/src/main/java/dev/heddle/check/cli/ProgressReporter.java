package dev.heddle.check.cli;

import dev.heddle.check.SearchProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Says on stderr how far the checks still running have got: with no {@code --timeout} a check may
 * search for minutes, and a command that prints nothing for that long looks hung. A check gets its
 * first line once it has run for {@code first}, then one every {@code every}; stdout is left to
 * the verdicts. The clock and the tick are injected so that tests need not wait for real seconds.
 */
final class ProgressReporter implements AutoCloseable {
    /**
     * When lines are due: {@code first} after a check starts, then every {@code every}, looked for
     * every {@code tick} on a daemon thread, or only when {@link #tick()} is called if it is {@code null}.
     */
    record Schedule(Duration first, Duration every, Duration tick) {
        /** The command's: after 2 s, then every 5 s, looked for twice a second. */
        static final Schedule DEFAULT =
                new Schedule(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(500));
    }

    private static final class Watched {
        final String name;
        final int operations;
        final SearchProgress progress;
        final long startNanos;
        long nextReportNanos;

        Watched(String name, int operations, SearchProgress progress, long startNanos, long nextReportNanos) {
            this.name = name;
            this.operations = operations;
            this.progress = progress;
            this.startNanos = startNanos;
            this.nextReportNanos = nextReportNanos;
        }
    }

    private final PrintStream err;
    private final long firstNanos;
    private final long everyNanos;
    private final LongSupplier clock;
    /** By the file's position in the output, so that one tick's lines keep the files' order. */
    private final Map<Integer, Watched> running = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService ticker;

    ProgressReporter(PrintStream err, Schedule schedule, LongSupplier clock) {
        this.err = err;
        this.firstNanos = schedule.first().toNanos();
        this.everyNanos = schedule.every().toNanos();
        this.clock = clock;
        Duration tick = schedule.tick();
        if (tick == null) {
            this.ticker = null;
        } else {
            this.ticker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("heddle-lin-progress").factory());
            ticker.scheduleAtFixedRate(this::tick, tick.toNanos(), tick.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Watches one file's check from now until the returned action is run. */
    Runnable watch(int position, String name, int operations, SearchProgress progress) {
        long now = clock.getAsLong();
        running.put(position, new Watched(name, operations, progress, now, now + firstNanos));
        return () -> running.remove(position);
    }

    /** Prints a line for each running check whose next report is due. */
    void tick() {
        long now = clock.getAsLong();
        for (Watched check : running.values()) {
            if (now - check.nextReportNanos >= 0) {
                err.println(line(check, now));
                check.nextReportNanos = now + everyNanos;
            }
        }
    }

    private static String line(Watched check, long now) {
        SearchProgress progress = check.progress;
        return String.format(Locale.ROOT, "heddle lin: %s: still checking after %.1f s: %,d search steps,"
                        + " %,d configurations cached, at most %,d of %,d operations linearized at once",
                check.name, (now - check.startNanos) / 1e9, progress.steps(), progress.configurationsCached(),
                progress.deepest(), check.operations);
    }

    /** Stops the ticks; once this returns, no more lines are printed. */
    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
