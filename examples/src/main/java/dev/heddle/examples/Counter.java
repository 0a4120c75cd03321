package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.util.ArrayList;
import java.util.List;

/** A counter shared by tasks; {@link RacyCounter} and {@link SafeCounter} differ in one line. */
public interface Counter {

    void increment();

    long get();

    /** Increments {@code counter} from {@code tasks} tasks at once and returns the final count. */
    static long incrementConcurrently(Counter counter, int tasks) {
        List<JoinHandle<Void>> handles = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            handles.add(Heddle.spawn("incrementer-" + i, counter::increment));
        }
        for (JoinHandle<Void> h : handles) {
            h.join();
        }
        return counter.get();
    }
}
