package dev.heddle.examples.tutorial;

import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.channel.watch.Receiver;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.Heddle;
import dev.heddle.select.Select;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graceful shutdown with a watch channel and select (Tokio's "Graceful Shutdown" article). Each
 * worker loops on a biased select between the shutdown watch and its next unit of work; a unit
 * once started runs to its end, and the shutdown is noticed at the next select. To wait for the
 * workers, each holds a clone of an mpsc sender it never sends on: when the last worker is gone,
 * its sender closes, and the main task's receive returns null.
 *
 * <p>Guarantees: every unit of work that started finished, every worker has exited when the main
 * task's receive returns null, and that happens at most one unit of work ({@link #UNIT}) after
 * the shutdown was sent.
 */
public final class WatchShutdown {
    /** How long one unit of work takes. */
    public static final Duration UNIT = Duration.ofMillis(2);

    /**
     * What the shutdown saw.
     *
     * @param started units of work started, by all workers
     * @param finished units of work finished
     * @param exitedWhenDone the workers that had exited when the main task's receive returned null
     * @param shutdownNanos from sending the shutdown to that receive returning null
     */
    public record Outcome(int started, int finished, List<String> exitedWhenDone, long shutdownNanos) {}

    private WatchShutdown() {}

    /** Runs {@code workers} workers for {@code runFor}, then shuts them down and waits for them. */
    public static Outcome run(int workers, Duration runFor) {
        var shutdown = Watch.channel(false);
        var done = Mpsc.<Void>bounded(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Queue<String> exited = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < workers; i++) {
            String name = "worker-" + i;
            Receiver<Boolean> stop = shutdown.receiver().clone();
            Sender<Void> stillRunning = done.sender().clone();
            Heddle.spawn(name, () -> {
                try (stillRunning) {
                    work(stop, started, finished);
                    exited.add(name);
                }
            });
        }
        done.sender().close();   // only the workers' clones keep the channel open now

        Heddle.sleep(runFor);
        long sentAt = Heddle.now();
        shutdown.sender().send(true);
        done.receiver().recv();   // nobody sends: it returns null once the last worker's sender closed
        return new Outcome(started.get(), finished.get(), List.copyOf(exited), Heddle.now() - sentAt);
    }

    /** Waits a little for each next unit of work and does it, until the shutdown is sent. */
    private static void work(Receiver<Boolean> stop, AtomicInteger started, AtomicInteger finished) {
        boolean running = true;
        while (running) {
            running = Select.<Boolean>select()
                    .biased()   // the shutdown first: no unit starts once it is visible
                    .on(stop.changedOp(), shuttingDown -> !shuttingDown)
                    .sleep(Duration.ofMillis(Heddle.random().nextInt(3)), () -> {
                        started.incrementAndGet();
                        Heddle.sleep(UNIT);
                        finished.incrementAndGet();
                        return true;
                    })
                    .run();
        }
    }
}
