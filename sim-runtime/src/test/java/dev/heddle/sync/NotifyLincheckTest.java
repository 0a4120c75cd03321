package dev.heddle.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
                .sequentialSpecification(RegistrationQueue.class).check(NotifyLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(3).iterations(6).invocationsPerIteration(40)
                .sequentialSpecification(RegistrationQueue.class).check(NotifyLincheckTest.class);
    }

    /** A stored permit, the registrations in arrival order, and what reached each of {@code a} and {@code b}. */
    public static final class RegistrationQueue {
        private enum Who { A, B }

        private enum Got { NOTHING, ONE, ALL, CONSUMED }

        private boolean permit;
        private final List<Who> registered = new ArrayList<>(List.of(Who.A, Who.B));
        private final Map<Who, Got> got = new EnumMap<>(Map.of(Who.A, Got.NOTHING, Who.B, Got.NOTHING));

        public void notifyOne() {
            if (registered.isEmpty()) {
                permit = true;
            } else {
                got.put(registered.removeFirst(), Got.ONE);
            }
        }

        public void notifyWaiters() {
            for (Who w : registered) {
                got.put(w, Got.ALL);
            }
            registered.clear();
        }

        public boolean takeStoredPermit() {
            boolean had = permit;
            permit = false;
            return had;
        }

        public String pollA() {
            return poll(Who.A);
        }

        public void renewA() {
            renew(Who.A);
        }

        public String pollB() {
            return poll(Who.B);
        }

        public void renewB() {
            renew(Who.B);
        }

        private String poll(Who w) {
            return switch (got.get(w)) {
                case ONE, ALL -> {
                    got.put(w, Got.CONSUMED);
                    yield "notified";
                }
                case CONSUMED -> "consumed";
                case NOTHING -> "waiting";
            };
        }

        /** Closes the registration, passing an unconsumed notifyOne on, then registers again (taking a stored permit). */
        private void renew(Who w) {
            registered.remove(w);
            if (got.get(w) == Got.ONE) {
                notifyOne();
            }
            if (permit) {
                permit = false;
                got.put(w, Got.ONE);
            } else {
                got.put(w, Got.NOTHING);
                registered.addLast(w);
            }
        }
    }
}
