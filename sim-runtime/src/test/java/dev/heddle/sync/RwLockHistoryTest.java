package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.CheckResult;
import dev.heddle.check.HistoryRecorder;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.PendingOperation;
import dev.heddle.check.Verdict;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Histories of read, write, tryWrite and their releases recorded in simulation, with waiters
 * aborted at random points, must be linearizable against a readers-writer lock model: readers
 * share the lock, a writer holds it alone, a refused tryWrite saw it held.
 */
class RwLockHistoryTest {
    private static final int SEEDS = 200;

    @Test
    void rwLockHistoriesAreLinearizableOverManySeeds() {
        int refusedTries = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            HistoryRecorder recorder = new HistoryRecorder(new AtomicLong()::incrementAndGet);
            Simulation.ofSeed(seed).strategy(seed % 2 == 0 ? Strategy.RANDOM : Strategy.PCT).run(sim -> {
                RwLock<int[]> lock = new RwLock<>(new int[1]);
                List<JoinHandle<Void>> clients = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    int client = c;
                    clients.add(sim.spawn(() -> {
                        for (int i = 0; i < 4; i++) {
                            if (Heddle.random().nextInt(3) == 0) {
                                write(recorder, client, lock);
                            } else {
                                read(recorder, client, lock);
                            }
                            Heddle.yieldNow();
                        }
                    }));
                }
                HistoryClients.abortOneThenJoinAll(sim, clients);
            });
            CheckResult result = LinearizabilityChecker.of(new RwLockModel()).check(recorder.history());
            assertEquals(Verdict.LINEARIZABLE, result.verdict(), "seed " + seed + ":\n" + result.describe());
            refusedTries += (int) recorder.history().operations().stream()
                    .filter(op -> Boolean.FALSE.equals(op.output())).count();
        }
        assertTrue(refusedTries > 0, "no tryWrite was ever refused over " + SEEDS + " seeds: the check saw no contention");
    }

    private static void read(HistoryRecorder recorder, int client, RwLock<int[]> lock) {
        PendingOperation acquire = recorder.invoke(client, "read", null, null);
        RwLockReadGuard<int[]> guard;
        try {
            guard = lock.read();
        } catch (CancellationException e) {
            acquire.fail(null);
            throw e;
        }
        acquire.ok(true);
        try {
            Heddle.yieldNow();
        } finally {
            PendingOperation release = recorder.invoke(client, "releaseRead", null, null);
            guard.close();
            release.ok(null);
        }
    }

    /** Writes, or try-writes (a third of the time), recording it; a refused try holds nothing. */
    private static void write(HistoryRecorder recorder, int client, RwLock<int[]> lock) {
        PendingOperation acquire = recorder.invoke(client, "write", null, null);
        RwLockWriteGuard<int[]> guard;
        if (Heddle.random().nextInt(3) == 0) {
            Optional<RwLockWriteGuard<int[]>> tried = lock.tryWrite();
            acquire.ok(tried.isPresent());
            if (tried.isEmpty()) {
                return;
            }
            guard = tried.get();
        } else {
            try {
                guard = lock.write();
            } catch (CancellationException e) {
                acquire.fail(null);
                throw e;
            }
            acquire.ok(true);
        }
        try {
            guard.get()[0]++;
            Heddle.yieldNow();
        } finally {
            PendingOperation release = recorder.invoke(client, "releaseWrite", null, null);
            guard.close();
            release.ok(null);
        }
    }
}
