package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.check.CheckResult;
import dev.heddle.check.HistoryRecorder;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.PendingOperation;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Histories of acquire(n), release(n) and a final count of free permits, recorded in
 * simulation with acquirers aborted at random points, must be linearizable against a permit
 * counter: no acquisition overdraws, and no permit is lost or made up. (tryAcquire is left
 * out: by fairness it may fail while permits are free but others wait, which a plain counter
 * cannot express.)
 */
class SemaphoreHistoryTest {
    private static final int PERMITS = 3;

    @Test
    void permitHistoriesAreLinearizableOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            HistoryRecorder recorder = new HistoryRecorder(new AtomicLong()::incrementAndGet);
            Simulation.ofSeed(seed).run(sim -> {
                Semaphore semaphore = new Semaphore(PERMITS);
                List<JoinHandle<Void>> clients = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    int client = c;
                    clients.add(sim.spawn(() -> {
                        for (int i = 0; i < 4; i++) {
                            int n = 1 + Heddle.random().nextInt(PERMITS);
                            PendingOperation acquire = recorder.invoke(client, "acquire", null, n);
                            SemaphorePermit permit;
                            try {
                                permit = semaphore.acquire(n);
                            } catch (CancellationException e) {
                                acquire.fail(null);
                                throw e;
                            }
                            acquire.ok(null);
                            try {
                                Heddle.yieldNow();
                            } finally {
                                PendingOperation release = recorder.invoke(client, "release", null, n);
                                permit.close();
                                release.ok(null);
                            }
                        }
                    }));
                }
                HistoryClients.abortOneThenJoinAll(sim, clients);
                recorder.invoke(99, "available", null, null).ok(semaphore.availablePermits());
            });
            CheckResult result = LinearizabilityChecker.of(new PermitModel()).check(recorder.history());
            assertEquals(Verdict.LINEARIZABLE, result.verdict(), "seed " + seed + ":\n" + result.describe());
        }
    }

    /**
     * Free permits as one number: acquire(n) needs n of them, release(n) gives n back,
     * available reads it. The checker hands numbers over as longs.
     */
    static final class PermitModel implements Model<Long> {
        @Override
        public String name() {
            return "permits";
        }

        @Override
        public Long initial() {
            return (long) PERMITS;
        }

        @Override
        public Long step(Long free, Operation op) {
            return switch (op.f()) {
                case "acquire" -> free >= count(op.input()) ? free - count(op.input()) : null;
                case "release" -> free + count(op.input());
                case "available" -> op.status() == Status.UNKNOWN || free == count(op.output()) ? free : null;
                default -> throw new IllegalArgumentException("the permits model knows acquire, release and available,"
                        + " not " + op.f());
            };
        }

        @Override
        public boolean readOnly(Operation op) {
            return op.f().equals("available");
        }

        private static long count(Object value) {
            return ((Number) value).longValue();
        }
    }
}
