package dev.heddle.sync;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Notify with registered interest, on real threads: two registrations {@code a} and {@code b}
 * (Tokio's {@code Notified} created before the condition is checked), each renewed, polled and
 * closed by its own thread, while other threads notify. So the wake path is model-checked:
 * {@code notifyOne} goes to the first registration or is stored as the one permit,
 * {@code notifyWaiters} reaches every registration and stores nothing, a closed registration
 * passes its unconsumed {@code notifyOne} on to the next one, and a permit is never stored
 * while anyone is registered. Waiting itself parks, which Lincheck cannot run; polling a
 * registration ({@code tryNow}) is the same commit without the park.
 */
public class NotifyLincheckTest {
    private final Notify notify = new Notify();
    private Notified a = notify.notified();
    private Notified b = notify.notified();

    @Operation
    public void notifyOne() {
        notify.notifyOne();
    }

    @Operation
    public void notifyWaiters() {
        notify.notifyWaiters();
    }

    /** A fresh wait with no registration before it: takes the stored permit, if any. */
    @Operation
    public boolean takeStoredPermit() {
        return notify.notifiedOp().tryNow();
    }

    @Operation(nonParallelGroup = "a")
    public String pollA() {
        return poll(a);
    }

    /** Closes {@code a} (passing on an unconsumed notifyOne) and registers again, at the back of the queue. */
    @Operation(nonParallelGroup = "a")
    public void renewA() {
        a.close();
        a = notify.notified();
    }

    @Operation(nonParallelGroup = "b")
    public String pollB() {
        return poll(b);
    }

    @Operation(nonParallelGroup = "b")
    public void renewB() {
        b.close();
        b = notify.notified();
    }

    private static String poll(Notified n) {
        try {
            return n.tryNow() ? "notified" : "waiting";
        } catch (IllegalStateException alreadyConsumed) {
            return "consumed";
        }
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(5).invocationsPerIteration(200)
                .check(NotifyLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(3).iterations(6).invocationsPerIteration(40)
                .check(NotifyLincheckTest.class);
    }
}
