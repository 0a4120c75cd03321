package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Aborting a task: it stops at its next suspension point, and its {@code finally} blocks and
 * try-with-resources run, the Java form of Rust's Drop.
 */
public final class AbortWithCleanup {
    private AbortWithCleanup() {}

    /** What happened, in order, to a worker aborted while it waits. */
    public static List<String> run() {
        List<String> log = new ArrayList<>();
        JoinHandle<Void> worker = Heddle.spawn("worker", () -> {
            try (Connection ignored = new Connection(log)) {
                log.add("working");
                Heddle.sleep(Duration.ofHours(1));
                log.add("finished (never)");
            }
        });
        Heddle.sleep(Duration.ofSeconds(1));
        worker.abort();
        try {
            worker.join();
        } catch (JoinException e) {
            log.add(e.isCancelled() ? "joined: cancelled" : "joined: failed " + e.getCause());
        }
        return log;
    }

    /** A resource whose close must run even when its task is aborted. */
    private record Connection(List<String> log) implements AutoCloseable {
        Connection {
            log.add("connected");
        }

        @Override
        public void close() {
            log.add("connection closed");
        }
    }
}
