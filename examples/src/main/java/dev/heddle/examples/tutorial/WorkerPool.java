package dev.heddle.examples.tutorial;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Receiver;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A pool of workers that share one job queue (Tokio's {@code Arc<Mutex<mpsc::Receiver<Job>>>}):
 * an mpsc channel has a single receiver, so the workers take turns on it behind a {@link Mutex}.
 * The worker holding the lock waits for the next job, takes it and lets go of the lock, then works
 * on it while the next worker waits for the one after.
 *
 * <p>Shutdown is graceful: the dispatcher closes its sender once every job is queued; the workers
 * drain the queue, each then receives the end of the channel (null), and exits; the dispatcher
 * joins them all.
 *
 * <p>Guarantees: every job is processed exactly once, by one worker, and when {@link #run}
 * returns every worker has exited.
 */
public final class WorkerPool {

    /**
     * What a run did.
     *
     * @param processedBy for each job, the workers that processed it (one, when nothing went wrong)
     * @param exited the workers that left their loop, in the order they did
     */
    public record Outcome(Map<Integer, List<String>> processedBy, List<String> exited) {}

    private WorkerPool() {}

    /** Queues jobs {@code 0..jobs-1} for {@code workers} workers, shuts the pool down, and says who did what. */
    public static Outcome run(int workers, int jobs) {
        Channel<Integer> queue = Mpsc.bounded(workers);
        Mutex<Receiver<Integer>> shared = new Mutex<>(queue.receiver());
        Map<Integer, Queue<String>> processedBy = new ConcurrentHashMap<>();
        Queue<String> exited = new ConcurrentLinkedQueue<>();
        List<JoinHandle<Void>> pool = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String name = "worker-" + i;
            pool.add(Heddle.spawn(name, () -> {
                work(name, shared, processedBy);
                exited.add(name);
            }));
        }
        try (Sender<Integer> jobQueue = queue.sender()) {
            for (int job = 0; job < jobs; job++) {
                jobQueue.send(job);
            }
        } // the last sender closed: the workers drain the queue and stop
        for (JoinHandle<Void> worker : pool) {
            worker.join();
        }
        Map<Integer, List<String>> workersByJob = new HashMap<>();
        processedBy.forEach((job, workersOfJob) -> workersByJob.put(job, List.copyOf(workersOfJob)));
        return new Outcome(workersByJob, List.copyOf(exited));
    }

    private static void work(String name, Mutex<Receiver<Integer>> shared, Map<Integer, Queue<String>> processedBy) {
        while (true) {
            Integer job;
            try (MutexGuard<Receiver<Integer>> receiver = shared.lock()) {
                job = receiver.get().recv();
            }
            if (job == null) {
                return;
            }
            Heddle.sleep(Duration.ofMillis(1 + Heddle.random().nextInt(5)));   // the job's work
            processedBy.computeIfAbsent(job, j -> new ConcurrentLinkedQueue<>()).add(name);
        }
    }
}
