package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LockHeldAcrossSuspensionTest {
    private final Object monitor = new Object();
    private final ReentrantLock fieldLock = new ReentrantLock();
    private final ReentrantReadWriteLock rwLock = new ReentrantReadWriteLock();

    @Test
    void aSynchronizedBlockAroundASleepFailsTheRunNamingTheMonitorAndTheLine() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            synchronized (monitor) {
                sim.sleep(Duration.ofMillis(5));
            }
        }));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind());
        assertTrue(f.getMessage().contains("monitor of a java.lang.Object (synchronized)"), f.getMessage());
        assertTrue(f.getMessage().contains("LockHeldAcrossSuspensionTest"), f.getMessage());
    }

    /** Where a run looks is drawn from its seed, so a lock held at one early suspension is found over a few seeds. */
    @Test
    void aLockHeldAtOneSuspensionOfEveryRunIsFoundWithinAFewSeeds() {
        int found = 0;
        for (long seed = 0; seed < 20; seed++) {
            try {
                Simulation.ofSeed(seed).run(sim -> {
                    for (int i = 1; i <= 12; i++) {
                        if (i == 6) {
                            synchronized (monitor) {
                                sim.sleep(Duration.ofMillis(1));
                            }
                        } else {
                            sim.sleep(Duration.ofMillis(1));
                        }
                    }
                });
            } catch (SimulationFailure f) {
                assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind());
                found++;
            }
        }
        assertTrue(found >= 2 && found < 20, "found in " + found + " of 20 seeds (each looks with probability 1/3)");
    }

    @Test
    void aSynchronizedBlockAroundAYieldFailsTheRunToo() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            synchronized (monitor) {
                dev.heddle.runtime.Heddle.yieldNow();
            }
        }));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind());
        assertTrue(f.getMessage().contains("monitor of a java.lang.Object (synchronized)"), f.getMessage());
    }

    /** A run looks at suspensions 1, 2, 4, … and every 4096th, so a lock held at each one of a long stretch is found. */
    @Test
    void aLockHeldAtEverySuspensionOfALongRunIsFound() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(7).run(sim -> {
            for (int i = 0; i < 100; i++) {
                sim.sleep(Duration.ofMillis(1));
            }
            for (int i = 0; i < 4096; i++) {
                synchronized (monitor) {
                    sim.sleep(Duration.ofMillis(1));
                }
            }
        }));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind());
    }

    @Test
    void aReentrantLockInAFieldHeldWhileWaitingForAHeddleMutexFailsTheRun() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(2).run(sim -> {
            Mutex<Void> mutex = new Mutex<>();
            MutexGuard<Void> held = mutex.lock();
            var other = sim.spawn(() -> {
                fieldLock.lock();
                try {
                    mutex.lock().close();
                } finally {
                    fieldLock.unlock();
                }
            });
            sim.sleep(Duration.ofMillis(1));
            held.close();
            other.join();
        }));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind());
        assertTrue(f.getMessage().contains("a ReentrantLock reached from"), f.getMessage());
    }

    @Test
    void aReentrantLockInALocalAndAReadLockAreFoundToo() {
        ReentrantLock local = new ReentrantLock();
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).run(sim -> {
            local.lock();
            try {
                sim.sleep(Duration.ofMillis(1));
            } finally {
                local.unlock();
            }
        }));
        assertTrue(f.getMessage().contains("a ReentrantLock reached from"), f.getMessage());
        f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).run(sim -> {
            rwLock.readLock().lock();
            try {
                sim.sleep(Duration.ofMillis(1));
            } finally {
                rwLock.readLock().unlock();
            }
        }));
        assertTrue(f.getMessage().contains("a ReentrantReadWriteLock reached from"), f.getMessage());
    }

    @Test
    void aHeddleMutexHeldAcrossASuspensionIsFine() {
        Simulation.ofSeed(4).run(sim -> {
            Mutex<Integer> mutex = new Mutex<>(0);
            try (MutexGuard<Integer> g = mutex.lock()) {
                sim.sleep(Duration.ofMillis(1));
                g.set(1);
            }
            assertEquals(1, mutex.lock().get());
        });
    }

    @Test
    void warnLogsTheReportOnceAndTheRunGoesOn() {
        Logger logger = Logger.getLogger("dev.heddle.sim");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(collect);
        logger.setUseParentHandlers(false);
        try {
            Simulation.ofSeed(5).onLockHeldAcrossSuspension(LockHeldPolicy.WARN).run(sim -> {
                for (int i = 0; i < 3; i++) {
                    synchronized (monitor) {
                        sim.sleep(Duration.ofMillis(1));
                    }
                }
            });
        } finally {
            logger.removeHandler(collect);
            logger.setUseParentHandlers(true);
        }
        assertEquals(1, records.size(),
                "one warning per place: " + records.stream().map(LogRecord::getMessage).toList());
        assertEquals(Level.WARNING, records.getFirst().getLevel());
        String message = records.getFirst().getMessage();
        assertTrue(message.startsWith("seed=0x5 task main"), message);
        assertTrue(message.contains("monitor of a java.lang.Object (synchronized)"), message);
    }

    @Test
    void ignoreDoesNotLook() {
        SimulationResult r = Simulation.ofSeed(6).onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE).run(sim -> {
            synchronized (monitor) {
                sim.sleep(Duration.ofMillis(1));
            }
        });
        assertEquals(6, r.seed());
    }
}
