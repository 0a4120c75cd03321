package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * The stored permit must behave as one boolean: notifyOne sets it when nobody is registered,
 * notifyWaiters leaves it alone, a wait takes it. Waking registered waiters across threads is
 * covered by NotifyTest (platform threads and simulation); a wait composed with a notify in
 * one operation is not atomic, so it has no sequential model to check here.
 */
public class NotifyLincheckTest {
    private final Notify notify = new Notify();

    @Operation
    public void notifyOne() {
        notify.notifyOne();
    }

    @Operation
    public void notifyWaiters() {
        notify.notifyWaiters();
    }

    @Operation
    public boolean takeStoredPermit() {
        return notify.notifiedOp().tryNow();
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(5).invocationsPerIteration(200)
                .check(NotifyLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).iterations(4).invocationsPerIteration(40)
                .check(NotifyLincheckTest.class);
    }
}
