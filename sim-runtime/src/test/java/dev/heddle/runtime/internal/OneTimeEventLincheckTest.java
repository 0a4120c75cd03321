package dev.heddle.runtime.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * The completion signal behind joins, JoinSets and child tokens: it fires once, and a
 * callback registered before, during or after the firing runs exactly once, none lost.
 * Callbacks run after the firing's linearization point, so the exactly-once property is
 * checked after each scenario, by {@link #everyCallbackRanOnce()}; waiters that give up, whose
 * nodes later registrations prune, must not take an armed callback with them.
 */
public class OneTimeEventLincheckTest {
    private final OneTimeEvent event = new OneTimeEvent();
    private final AtomicInteger registered = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();

    @Operation
    public boolean fire() {
        return event.fire();
    }

    @Operation
    public void register() {
        registered.incrementAndGet();
        event.whenFired(ran::incrementAndGet);
    }

    /** A waiter that gives up: its node is pruned by later registrations, which must lose no armed one. */
    @Operation
    public void registerAndGiveUp() {
        event.whenFired(() -> {}).disarm();
    }

    @Operation
    public boolean hasFired() {
        return event.hasFired();
    }

    @Validate
    public void everyCallbackRanOnce() {
        int expected = event.hasFired() ? registered.get() : 0;
        if (ran.get() != expected) {
            throw new IllegalStateException(ran.get() + " callbacks ran, expected " + expected);
        }
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(10).invocationsPerIteration(300)
                .sequentialSpecification(FiredFlag.class).check(OneTimeEventLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).iterations(10).invocationsPerIteration(100)
                .sequentialSpecification(FiredFlag.class).check(OneTimeEventLincheckTest.class);
    }

    /** One fired flag: only the first fire reports firing; registering a callback changes nothing visible. */
    public static final class FiredFlag {
        private boolean fired;

        public boolean fire() {
            boolean first = !fired;
            fired = true;
            return first;
        }

        public void register() {}

        public void registerAndGiveUp() {}

        public boolean hasFired() {
            return fired;
        }
    }
}
