package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Timed parks of simulated tasks without Heddle's agent: {@code LockSupport.parkNanos} and
 * {@code Object.wait(timeout)} last virtual time (the JDK hands their timeouts to the run's
 * scheduler, a ForkJoinPool); the JDK waits that loop on the real {@code System.nanoTime()}
 * ({@code Thread.sleep}, {@code CountDownLatch.await(timeout)}) are reported, naming the call.
 */
class TimedParksOnVirtualTimeTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void parkNanosOfAnHourLastsOneVirtualHour() {
        long[] parked = new long[1];
        SimulationResult r = Simulation.ofSeed(1).maxTime(Duration.ofHours(2)).run(sim -> {
            long before = Heddle.now();
            LockSupport.parkNanos(HOUR);
            parked[0] = Heddle.now() - before;
        });
        assertTrue(parked[0] >= HOUR && parked[0] < HOUR + TimeUnit.MILLISECONDS.toNanos(1), "parked " + parked[0]);
        assertEquals(parked[0], r.virtualNanos());
    }

    @Test
    void timedParksOfSeveralTasksWakeInDeadlineOrderOnEverySeed() {
        for (long seed = 0; seed < 50; seed++) {
            StringBuilder order = new StringBuilder();
            Simulation.ofSeed(seed).run(sim -> {
                JoinHandle<Void> slow = sim.spawn("slow", () -> {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
                    order.append("slow@").append(Heddle.now() / 1_000_000_000).append(' ');
                });
                JoinHandle<Void> quick = sim.spawn("quick", () -> {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                    order.append("quick@").append(Heddle.now() / 1_000_000_000).append(' ');
                });
                slow.join();
                quick.join();
            });
            assertEquals("quick@1 slow@3 ", order.toString(), "seed " + seed);
        }
    }

    @Test
    void anUnparkBeforeTheTimeoutCancelsItsTimer() {
        long[] woke = new long[1];
        SimulationResult r = Simulation.ofSeed(3).run(sim -> {
            Thread[] parker = new Thread[1];
            JoinHandle<Void> parked = sim.spawn("parker", () -> {
                parker[0] = Thread.currentThread();
                LockSupport.parkNanos(HOUR);
                woke[0] = Heddle.now();
            });
            sim.sleep(Duration.ofSeconds(2));
            LockSupport.unpark(parker[0]);
            parked.join();
        });
        assertEquals(TimeUnit.SECONDS.toNanos(2), woke[0]);
        // The hour's timer was cancelled: the run ended at two seconds, not after an idle jump to the hour.
        assertEquals(TimeUnit.SECONDS.toNanos(2), r.virtualNanos());
    }

    @Test
    void objectWaitWithATimeoutEndsAfterItsVirtualTimeout() {
        Object monitor = new Object();
        long[] waited = new long[1];
        Simulation.ofSeed(4).run(sim -> {
            long before = Heddle.now();
            synchronized (monitor) {
                monitor.wait(5_000);
            }
            waited[0] = Heddle.now() - before;
        });
        assertEquals(TimeUnit.SECONDS.toNanos(5), waited[0]);
    }

    @Test
    void timedParksReplayTheSameTrace() {
        SimulationResult r = Simulation.ofSeed(5).checkDeterminism(sim -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                sim.spawn("parker-" + i, () -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10L * (3 - n))));
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        });
        assertEquals(TimeUnit.SECONDS.toNanos(1), r.virtualNanos());
    }

    @Test
    void threadSleepWithoutTheAgentIsReportedNamingTheCallAndTheAgent() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(6).run(sim ->
                sim.spawn("napper", () -> {
                    Thread.sleep(60_000);
                    return null;
                }).join()));
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
        assertTrue(f.getMessage().contains("napper#2 waits in Thread.sleep (called at"), f.getMessage());
        assertTrue(f.getMessage().contains("Heddle's agent"), f.getMessage());
    }

    @Test
    void aTimedLatchAwaitWithoutTheAgentIsReportedNamingTheCall() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(7).run(sim -> {
            CountDownLatch never = new CountDownLatch(1);
            assertFalse(never.await(5, TimeUnit.SECONDS));
        }));
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
        assertTrue(f.getMessage().contains("waits in CountDownLatch.await (called at"), f.getMessage());
    }
}
