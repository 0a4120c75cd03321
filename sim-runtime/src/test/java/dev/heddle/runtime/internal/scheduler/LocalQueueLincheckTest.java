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
 * The local queue is linearizable when its owner pushes and pops while another worker
 * steals half of it into its own queue. The queue is small enough that a steal wraps its
 * slots, and never full (overflow is covered in {@link LocalQueueTest}).
 */
@Param(name = "task", gen = IntGen.class, conf = "1:9")
public class LocalQueueLincheckTest {
    private final InjectionQueue<Integer> injection = new InjectionQueue<>();
    private final LocalQueue<Integer> queue = new LocalQueue<>(8);
    /** The thief's own queue, touched only by the thread running steals. */
    private final LocalQueue<Integer> thiefQueue = new LocalQueue<>(8);

    @Operation(nonParallelGroup = "owner")
    public void push(@Param(name = "task") int task) {
        queue.pushBack(task, injection);
    }

    @Operation(nonParallelGroup = "owner")
    public Integer pop() {
        return queue.pop();
    }

    /** Every task one steal took, oldest first; the thief's queue is empty again afterwards. */
    @Operation(nonParallelGroup = "thief")
    public List<Integer> steal() {
        List<Integer> stolen = new ArrayList<>();
        Integer runNow = queue.stealInto(thiefQueue);
        for (Integer t; (t = thiefQueue.pop()) != null; ) {
            stolen.add(t);
        }
        if (runNow != null) {
            stolen.add(runNow);
        }
        return stolen;
    }

    @Test
    void stress() {
        new StressOptions().threads(2).actorsPerThread(4).actorsBefore(3).actorsAfter(1)
                .iterations(5).invocationsPerIteration(200).sequentialSpecification(HalvingFifo.class)
                .check(LocalQueueLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(3).actorsBefore(3).actorsAfter(1)
                .iterations(4).invocationsPerIteration(120).sequentialSpecification(HalvingFifo.class)
                .check(LocalQueueLincheckTest.class);
    }

    /** A FIFO queue from which a steal takes the oldest half, rounded up. */
    public static final class HalvingFifo {
        private final ArrayDeque<Integer> tasks = new ArrayDeque<>();

        public void push(int task) {
            tasks.addLast(task);
        }

        public Integer pop() {
            return tasks.pollFirst();
        }

        public List<Integer> steal() {
            List<Integer> stolen = new ArrayList<>();
            int half = (tasks.size() + 1) / 2;
            while (stolen.size() < half) {
                stolen.add(tasks.pollFirst());
            }
            return stolen;
        }
    }
}
