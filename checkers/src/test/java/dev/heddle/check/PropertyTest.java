package dev.heddle.check;

import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Histories recorded from real concurrent objects on real threads are linearizable; the same
 * histories with one output altered are caught: always when the altered value was never
 * written, mostly when it was written by someone at some time.
 */
class PropertyTest {
    private static final int RUNS = 30;
    private static final int THREADS = 4;
    private static final int OPS_PER_THREAD = 60;

    private static void run(IntConsumer[] clients) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (IntConsumer client : clients) {
            int id = threads.size();
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                client.accept(id);
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void casRegisterOnAnAtomicReference() throws InterruptedException {
        int caughtPlausible = 0;
        int altered = 0;
        for (int runIndex = 0; runIndex < RUNS; runIndex++) {
            AtomicReference<Long> register = new AtomicReference<>();
            HistoryRecorder recorder = new HistoryRecorder(System::nanoTime);
            IntConsumer[] clients = new IntConsumer[THREADS];
            long seed = runIndex;
            for (int t = 0; t < THREADS; t++) {
                clients[t] = id -> {
                    Random random = new Random(seed * 31 + id);
                    for (int i = 0; i < OPS_PER_THREAD; i++) {
                        long value = random.nextInt(5);
                        switch (random.nextInt(3)) {
                            case 0 -> {
                                PendingOperation op = recorder.invoke(id, "write", null, value);
                                register.set(value);
                                op.ok(null);
                            }
                            case 1 -> {
                                PendingOperation op = recorder.invoke(id, "read", null, null);
                                op.ok(register.get());
                            }
                            default -> {
                                long expected = random.nextInt(5);
                                PendingOperation op = recorder.invoke(id, "cas", null, List.of(expected, value));
                                op.ok(register.compareAndSet(expected, value));
                            }
                        }
                    }
                };
            }
            run(clients);
            History history = recorder.history();
            LinearizabilityChecker<?> checker = LinearizabilityChecker.of(Models.casRegister());
            assertEquals(Verdict.LINEARIZABLE, checker.check(history).verdict(), "run " + runIndex);

            Random random = new Random(runIndex);
            List<Integer> reads = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                if (history.operations().get(i).f().equals("read")) {
                    reads.add(i);
                }
            }
            int victim = reads.get(random.nextInt(reads.size()));
            assertEquals(Verdict.NOT_LINEARIZABLE,
                    checker.check(RandomHistories.withOutput(history, victim, 1000L)).verdict(),
                    "a read of a value never written, run " + runIndex);
            Object original = history.operations().get(victim).output();
            Object other = original == null ? (Object) 0L : (Object) (((Long) original + 1) % 5);
            altered++;
            if (checker.check(RandomHistories.withOutput(history, victim, other)).verdict() == Verdict.NOT_LINEARIZABLE) {
                caughtPlausible++;
            }
        }
        assertTrue(caughtPlausible * 2 >= altered, "only " + caughtPlausible + " of " + altered
                + " histories with a read altered to another value were caught");
    }

    @Test
    void queueOnAConcurrentLinkedQueue() throws InterruptedException {
        int caught = 0;
        for (int runIndex = 0; runIndex < RUNS; runIndex++) {
            ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>();
            HistoryRecorder recorder = new HistoryRecorder(System::nanoTime);
            IntConsumer[] clients = new IntConsumer[THREADS];
            long seed = runIndex;
            for (int t = 0; t < THREADS; t++) {
                clients[t] = id -> {
                    Random random = new Random(seed * 17 + id);
                    for (int i = 0; i < OPS_PER_THREAD; i++) {
                        if (random.nextBoolean()) {
                            long value = id * 1000L + i;
                            PendingOperation op = recorder.invoke(id, "enqueue", null, value);
                            queue.add(value);
                            op.ok(null);
                        } else {
                            PendingOperation op = recorder.invoke(id, "dequeue", null, null);
                            op.ok(queue.poll());
                        }
                    }
                };
            }
            run(clients);
            History history = recorder.history();
            assertEquals(Verdict.LINEARIZABLE, LinearizabilityChecker.of(Models.queue()).check(history).verdict());
            assertEquals(Verdict.LINEARIZABLE,
                    LinearizabilityChecker.of(Models.queue()).withoutFastPaths().check(history).verdict());
            List<Integer> takes = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                Operation op = history.operations().get(i);
                if (op.f().equals("dequeue") && op.output() != null) {
                    takes.add(i);
                }
            }
            if (takes.size() < 2) {
                continue;
            }
            Random random = new Random(runIndex);
            int a = takes.get(random.nextInt(takes.size()));
            int b = takes.get(random.nextInt(takes.size()));
            if (a == b) {
                continue;
            }
            History swapped = RandomHistories.withOutput(RandomHistories.withOutput(history, a,
                    history.operations().get(b).output()), b, history.operations().get(a).output());
            if (LinearizabilityChecker.of(Models.queue()).check(swapped).verdict() == Verdict.NOT_LINEARIZABLE) {
                caught++;
            }
        }
        assertTrue(caught * 2 >= RUNS, "only " + caught + " of " + RUNS + " swapped dequeues were caught");
    }
}
