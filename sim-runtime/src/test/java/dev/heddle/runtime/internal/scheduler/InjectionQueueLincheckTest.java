package dev.heddle.runtime.internal.scheduler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * The injection path is a linearizable FIFO queue: wake-ups pushed from any thread, taken
 * one at a time or in batches by workers on other threads.
 */
@Param(name = "task", gen = IntGen.class, conf = "1:9")
public class InjectionQueueLincheckTest {
    private final InjectionQueue<Integer> injection = new InjectionQueue<>();

    @Operation
    public void push(@Param(name = "task") int task) {
        injection.push(task);
    }

    @Operation
    public Integer poll() {
        return injection.poll();
    }

    /** A worker taking a batch of up to three: the task to run now, then those moved to its queue. */
    @Operation
    public List<Integer> pollBatch() {
        LocalQueue<Integer> workerQueue = new LocalQueue<>(8);
        List<Integer> taken = new ArrayList<>();
        Integer first = injection.pollBatch(workerQueue, 3);
        if (first != null) {
            taken.add(first);
        }
        for (Integer t; (t = workerQueue.pop()) != null; ) {
            taken.add(t);
        }
        return taken;
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).actorsBefore(2)
                .iterations(5).invocationsPerIteration(200).sequentialSpecification(Fifo.class)
                .check(InjectionQueueLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(2).actorsBefore(2)
                .iterations(4).invocationsPerIteration(100).sequentialSpecification(Fifo.class)
                .check(InjectionQueueLincheckTest.class);
    }

    /** A FIFO queue from which a batch takes the oldest three tasks, or all if fewer. */
    public static final class Fifo {
        private final ArrayDeque<Integer> tasks = new ArrayDeque<>();

        public void push(int task) {
            tasks.addLast(task);
        }

        public Integer poll() {
            return tasks.pollFirst();
        }

        public List<Integer> pollBatch() {
            List<Integer> taken = new ArrayList<>();
            while (taken.size() < 3 && !tasks.isEmpty()) {
                taken.add(tasks.pollFirst());
            }
            return taken;
        }
    }
}
