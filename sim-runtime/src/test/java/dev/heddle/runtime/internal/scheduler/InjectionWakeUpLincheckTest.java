package dev.heddle.runtime.internal.scheduler;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * The other half of the injection path: a wake-up from outside the workers pushes a task and
 * unparks an idle worker, while that worker runs what it has and goes to sleep. No wake-up is
 * lost (the worker never sleeps while a task waits in the injection queue) and the searching
 * count stays exact, checked after every scenario.
 *
 * <p>The worker is modelled on one Lincheck thread with {@link WorkerThread}'s steps (its
 * loop: run a task, or register as asleep and look once more); the wakers are the other
 * threads. The worker thread object is never started: waking it is {@code sleeping} turning
 * false, which the model reads at its next step as the real worker does after its park.
 */
public class InjectionWakeUpLincheckTest {
    private final InjectionQueue<Integer> injection = new InjectionQueue<>();
    private final IdleWorkers idle = new IdleWorkers(1);
    private final WorkerThread worker = new WorkerThread(null, null, idle, "modelled-worker", () -> {}, () -> {});
    /** The modelled worker's own view: whether it parked, and whether it counts itself as searching. */
    private boolean parked;
    private boolean searching;
    private int ran;

    /** A timer or I/O thread wakes a task: it goes to the injection queue and one idle worker is woken. */
    @Operation
    public void wake() {
        injection.push(1);
        idle.notifyOne();
    }

    /** The worker runs one task from the injection queue, if it is awake and one is there. */
    @Operation(nonParallelGroup = "worker")
    public void runOne() {
        if (!resumed()) {
            return;
        }
        if (injection.poll() != null) {
            ran++;
            if (searching) {
                searching = false;
                if (idle.stopSearching()) {
                    idle.notifyOne();
                }
            }
        }
    }

    /** The worker, out of work, goes to sleep as {@code WorkerThread.park} does. */
    @Operation(nonParallelGroup = "worker")
    public void goIdle() {
        if (!resumed() || injection.size() > 0) {
            return;
        }
        idle.sleep(worker, searching);
        searching = false;
        if (injection.size() > 0 && idle.wakeSelf(worker)) {
            searching = true;
            return;
        }
        parked = true;
    }

    /** True when the worker is awake; a worker woken while parked comes back counted as searching. */
    private boolean resumed() {
        if (parked && !worker.sleeping) {
            parked = false;
            searching = true;
        }
        return !parked;
    }

    @Validate
    public void noWakeUpIsLostAndTheSearchersAddUp() {
        if (worker.sleeping && injection.size() > 0) {
            throw new IllegalStateException("lost wake-up: " + injection.size()
                    + " task(s) wait in the injection queue while the only worker sleeps");
        }
        boolean countedSearching = searching || (parked && !worker.sleeping);
        if (idle.searching() != (countedSearching ? 1 : 0)) {
            throw new IllegalStateException("IdleWorkers counts " + idle.searching()
                    + " searching workers, the worker's own state says " + (countedSearching ? 1 : 0)
                    + " (parked " + parked + ", sleeping " + worker.sleeping + ", searching " + searching
                    + ", ran " + ran + ")");
        }
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(0)
                .iterations(5).invocationsPerIteration(200).check(InjectionWakeUpLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(0)
                .iterations(10).invocationsPerIteration(100).check(InjectionWakeUpLincheckTest.class);
    }
}
