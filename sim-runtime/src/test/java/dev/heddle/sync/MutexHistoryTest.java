package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.check.CheckResult;
import dev.heddle.check.HistoryRecorder;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.PendingOperation;
import dev.heddle.check.Verdict;
import dev.heddle.check.model.Models;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Histories of lock, tryLock and unlock recorded in simulation, with waiters aborted at random
 * points, must be linearizable against the checkers module's lock model.
 */
class MutexHistoryTest {

    @Test
    void lockHistoriesAreLinearizableOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            HistoryRecorder recorder = new HistoryRecorder(new AtomicLong()::incrementAndGet);
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<Void> mutex = new Mutex<>();
                List<JoinHandle<Void>> clients = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    int client = c;
                    clients.add(sim.spawn(() -> {
                        for (int i = 0; i < 4; i++) {
                            MutexGuard<Void> guard = acquire(recorder, client, mutex);
                            if (guard != null) {
                                try {
                                    Heddle.yieldNow();
                                } finally {
                                    PendingOperation release = recorder.invoke(client, "release", null, null);
                                    guard.close();
                                    release.ok(null);
                                }
                            }
                            Heddle.yieldNow();
                        }
                    }));
                }
                HistoryClients.abortOneThenJoinAll(sim, clients);
            });
            CheckResult result = LinearizabilityChecker.of(Models.lock()).check(recorder.history());
            assertEquals(Verdict.LINEARIZABLE, result.verdict(), "seed " + seed + ":\n" + result.describe());
        }
    }

    /** Locks or try-locks, recording it; null when a try-lock found the mutex held. */
    private static MutexGuard<Void> acquire(HistoryRecorder recorder, int client, Mutex<Void> mutex) {
        PendingOperation acquire = recorder.invoke(client, "acquire", null, null);
        if (Heddle.random().nextInt(3) == 0) {
            Optional<MutexGuard<Void>> guard = mutex.tryLock();
            acquire.ok(guard.isPresent());
            return guard.orElse(null);
        }
        MutexGuard<Void> guard;
        try {
            guard = mutex.lock();
        } catch (CancellationException e) {
            acquire.fail(null);
            throw e;
        }
        acquire.ok(true);
        return guard;
    }
}
