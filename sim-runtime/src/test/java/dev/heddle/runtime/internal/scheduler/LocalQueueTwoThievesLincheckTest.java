package dev.heddle.runtime.internal.scheduler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * A local queue of 2 slots whose owner pushes, pops and drains the injection queue while two
 * thieves steal from it at once, each into its own queue: pushes overflow half of the queue
 * into the injection queue while steals are in flight. No task is lost and none is taken
 * twice, checked after every scenario.
 *
 * <p>Unlike {@link LocalQueueLincheckTest} the operations return nothing: with two thieves
 * the queue is not linearizable against atomic steals, by design (a thief backs off, taking
 * nothing, while the other is copying; a push that finds a thief mid-steal sends only itself
 * to the injection queue), so what is checked is where every task went, not the order.
 */
public class LocalQueueTwoThievesLincheckTest {
    private final InjectionQueue<Integer> injection = new InjectionQueue<>();
    private final LocalQueue<Integer> queue = new LocalQueue<>(2);
    private final LocalQueue<Integer> thiefAQueue = new LocalQueue<>(2);
    private final LocalQueue<Integer> thiefBQueue = new LocalQueue<>(2);
    /** Tasks are numbered 1, 2, ... in push order, so a task taken twice shows. */
    private int pushed;
    private final List<Integer> takenByOwner = new ArrayList<>();
    private final List<Integer> stolenByA = new ArrayList<>();
    private final List<Integer> stolenByB = new ArrayList<>();

    /** The owner's running task wakes two tasks, so that two pushes fill the queue and a third overflows it. */
    @Operation(nonParallelGroup = "owner")
    public void pushTwo() {
        queue.pushBack(++pushed, injection);
        queue.pushBack(++pushed, injection);
    }

    @Operation(nonParallelGroup = "owner")
    public void pop() {
        Integer t = queue.pop();
        if (t != null) {
            takenByOwner.add(t);
        }
    }

    /** The owner, out of local work, takes one task from the injection queue (the overflow). */
    @Operation(nonParallelGroup = "owner")
    public void pollInjection() {
        Integer t = injection.poll();
        if (t != null) {
            takenByOwner.add(t);
        }
    }

    @Operation(nonParallelGroup = "thiefA")
    public void stealA() {
        steal(thiefAQueue, stolenByA);
    }

    @Operation(nonParallelGroup = "thiefB")
    public void stealB() {
        steal(thiefBQueue, stolenByB);
    }

    /** One steal, then the thief runs everything it took, so its queue is empty again. */
    private void steal(LocalQueue<Integer> own, List<Integer> stolen) {
        Integer runNow = queue.stealInto(own);
        for (Integer t; (t = own.pop()) != null; ) {
            stolen.add(t);
        }
        if (runNow != null) {
            stolen.add(runNow);
        }
    }

    @Validate
    public void everyTaskIsTakenOnceOrStillQueued() {
        List<Integer> taken = new ArrayList<>(takenByOwner);
        taken.addAll(stolenByA);
        taken.addAll(stolenByB);
        if (new HashSet<>(taken).size() != taken.size()) {
            throw new IllegalStateException("a task was taken twice: owner " + takenByOwner + ", thief A "
                    + stolenByA + ", thief B " + stolenByB);
        }
        for (int t : taken) {
            if (t < 1 || t > pushed) {
                throw new IllegalStateException("task " + t + " was taken but never pushed (pushed 1.." + pushed + ")");
            }
        }
        int queued = queue.size() + injection.size() + thiefAQueue.size() + thiefBQueue.size();
        if (taken.size() + queued != pushed) {
            throw new IllegalStateException(pushed + " tasks pushed, but " + taken.size() + " taken and " + queued
                    + " still queued (local " + queue.size() + ", injection " + injection.size()
                    + "): tasks were lost or copied");
        }
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).actorsBefore(5).actorsAfter(2)
                .iterations(4).invocationsPerIteration(200).check(LocalQueueTwoThievesLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).actorsBefore(5).actorsAfter(1)
                .iterations(3).invocationsPerIteration(100).check(LocalQueueTwoThievesLincheckTest.class);
    }
}
