package dev.heddle.agent.test;

import dev.heddle.runtime.Heddle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A store of records as user code writes it: each record stamped with {@code Instant.now()},
 * and a write that fails retried after a jitter drawn from a {@code new Random()}. Without the
 * agent both read the machine: the stamps are real time and the jitter differs at every run.
 */
public final class Ledger {
    private final Random jitter = new Random();
    private final List<String> records = new ArrayList<>();
    private int failuresLeft;

    /** A ledger whose first {@code failures} writes fail and are retried. */
    public Ledger(int failures) {
        this.failuresLeft = failures;
    }

    /** Appends {@code what} stamped with the time of the write that succeeded; returns the stamp. */
    public Instant append(String what) {
        while (failuresLeft > 0) {
            failuresLeft--;
            Heddle.sleep(Duration.ofMillis(100 + jitter.nextInt(900)));
        }
        Instant stamp = Instant.now();
        records.add(stamp + " " + what);
        return stamp;
    }

    public List<String> records() {
        return List.copyOf(records);
    }
}
