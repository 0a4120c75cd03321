package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.PlainSend;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.select.SelectOps;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import dev.heddle.sync.Notify;
import dev.heddle.sync.RwLock;
import dev.heddle.sync.RwLockReadGuard;
import dev.heddle.sync.RwLockWriteGuard;
import dev.heddle.sync.Semaphore;
import dev.heddle.sync.SemaphorePermit;
import dev.heddle.time.VirtualTimeDriver;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link SelectableOp} obeys, checked on each of them: an op commits (takes
 * the value, the slot, the permit, the lock, the notification, the task's outcome) only once it
 * has claimed its waiter for its own branch. So an op whose waiter another branch of the same
 * select claimed leaves its primitive as it found it: what it would have taken goes to whoever
 * asks next, and nothing of it stays queued.
 *
 * <p>Each op is checked in the two ways a branch loses: its waiter was claimed elsewhere before
 * its {@code enqueue} (when the op could already complete), or while it was queued (before the
 * op became possible). Both follow the protocol: {@code tryNow()} first, while the op cannot
 * complete, then {@code enqueue}, then {@code dequeue}. Every op runs in a simulation, on
 * virtual time.
 */
class OpContractTest {
    private static final int MINE = 0;
    private static final int OTHER = 1;

    /**
     * One op, on a primitive set up so that the op cannot complete yet; {@code makePossible}
     * sends the value (frees the permit, passes the deadline, ends the task...), and
     * {@code assertNothingCommitted} fails, saying what was taken, unless the primitive still
     * holds it for the next asker.
     */
    record Subject(SelectableOp<?> op, Runnable makePossible, Runnable assertNothingCommitted) {}

    /** A named op factory; the name says the op. */
    record Case(String name, Function<Sim, Subject> setUp) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOp")
    void anOpWhoseWaiterWasClaimedElsewhereCommitsNothing(Case c) {
        Simulation.ofSeed(42).run(sim -> {
            lose(c, "waiter claimed elsewhere before its enqueue", sim, (op, s) -> {
                s.makePossible().run();
                Waiter waiter = new Waiter();
                assertTrue(waiter.tryClaim(OTHER));
                op.enqueue(waiter, MINE);
                op.dequeue();
                return waiter;
            });
            lose(c, "waiter claimed elsewhere while it was queued", sim, (op, s) -> {
                Waiter waiter = new Waiter();
                op.enqueue(waiter, MINE);
                assertTrue(waiter.isWaiting(), "its enqueue completed it before it could complete");
                assertTrue(waiter.tryClaim(OTHER));
                s.makePossible().run();
                op.dequeue();
                return waiter;
            });
        });
    }

    /** How a branch loses: runs the protocol steps on {@code op} and returns the waiter they used. */
    private interface Loss {
        Waiter run(SelectableOp<?> op, Subject subject);
    }

    private static void lose(Case c, String how, Sim sim, Loss loss) {
        Subject s = c.setUp().apply(sim);
        try {
            assertFalse(s.op().tryNow(), "could complete before the test made it possible");
            Waiter waiter = loss.run(s.op(), s);
            assertEquals(OTHER, waiter.claimedBranch(), "took the waiter another branch had claimed");
            s.assertNothingCommitted().run();
        } catch (Throwable e) {
            throw new AssertionError(c.name() + " lost (" + how + ") but "
                    + (e instanceof AssertionError ? e.getMessage() : e.toString()), e);
        }
    }

    static List<Case> everyOp() {
        return List.of(
                new Case("mpsc recvOp, bounded", sim -> mpscRecv(Mpsc.bounded(4))),
                new Case("mpsc recvOp, unbounded", sim -> mpscRecv(Mpsc.unbounded())),
                new Case("mpsc sendOp", sim -> mpscSlot(fullChannel(), ch -> ch.sender().sendOp("mine"))),
                new Case("mpsc reserveOp", sim -> mpscSlot(fullChannel(), ch -> ch.sender().reserveOp())),
                new Case("mpsc reserveManyOp", sim -> mpscSlot(fullChannel(), ch -> ch.sender().reserveManyOp(1))),
                new Case("mpsc closedOp", sim -> {
                    Channel<String> ch = Mpsc.bounded(1);
                    return new Subject(ch.sender().closedOp(), ch.receiver()::close,
                            () -> assertEquals(0, ch.receiver().queuedWaiters(), "left its wait queued"));
                }),
                new Case("mpsc send (the op a plain send waits with)", sim -> {
                    PlainSend<String> plain = new PlainSend<>(1);
                    plain.channel().sender().trySend("filler");
                    return mpscSlot(plain.channel(), ch -> plain.sendOp("mine"));
                }),
                new Case("oneshot recvOp", sim -> {
                    var ch = Oneshot.<String>channel();
                    var rx = ch.receiver();
                    return new Subject(rx.recvOp(), () -> ch.sender().send("v"), () -> {
                        assertEquals(0, rx.queuedWaiters(), "left its receive queued");
                        assertEquals("v", assertDoesNotThrow(rx::tryRecv, "took the value: the next tryRecv threw"),
                                "took the value: the next tryRecv did not get it");
                    });
                }),
                new Case("broadcast recvOp", sim -> {
                    var ch = Broadcast.<String>channel(4);
                    var rx = ch.receiver();
                    return new Subject(rx.recvOp(), () -> ch.sender().send("v"), () -> {
                        assertEquals(0, rx.queuedWaiters(), "left its receive queued");
                        assertEquals(1, rx.len(), "moved the receiver past the value");
                        assertEquals("v", rx.tryRecv(), "took the value: the next tryRecv did not get it");
                    });
                }),
                new Case("oneshot closedOp", sim -> {
                    var ch = Oneshot.<String>channel();
                    return new Subject(ch.sender().closedOp(), ch.receiver()::close, () -> assertTrue(
                            ch.sender().closedOp().tryNow(), "the receiver's close is not seen by the next closedOp"));
                }),
                new Case("broadcast closedOp", sim -> {
                    var ch = Broadcast.<String>channel(4);
                    return new Subject(ch.sender().closedOp(), ch.receiver()::close, () -> assertTrue(
                            ch.sender().closedOp().tryNow(), "the receivers' close is not seen by the next closedOp"));
                }),
                new Case("watch closedOp", sim -> {
                    var ch = Watch.channel("v0");
                    return new Subject(ch.sender().closedOp(), ch.receiver()::close, () -> assertTrue(
                            ch.sender().closedOp().tryNow(), "the receivers' close is not seen by the next closedOp"));
                }),
                new Case("watch changedOp", sim -> {
                    var ch = Watch.channel("v0");
                    var rx = ch.receiver();
                    return new Subject(rx.changedOp(), () -> ch.sender().send("v1"), () -> {
                        assertEquals(0, rx.queuedWaiters(), "left its changed queued");
                        assertTrue(rx.hasChanged(), "marked the new version seen: the receiver missed the change");
                    });
                }),
                new Case("semaphore acquireOp(2)", sim -> {
                    var semaphore = new Semaphore(3);
                    SemaphorePermit held = semaphore.tryAcquire(2).orElseThrow();
                    return new Subject(semaphore.acquireOp(2), held::close, () -> {
                        assertFalse(semaphore.hasWaiters(), "left its acquire queued");
                        assertEquals(3, semaphore.availablePermits(), "took permits");
                        assertTrue(semaphore.tryAcquire(3).isPresent(), "the next tryAcquire(3) found no permits");
                    });
                }),
                new Case("mutex lockOp", sim -> {
                    var mutex = new Mutex<>("m");
                    MutexGuard<String> held = mutex.tryLock().orElseThrow();
                    return new Subject(mutex.lockOp(), held::close, () -> {
                        assertFalse(mutex.isLocked(), "took the lock");
                        mutex.tryLock().orElseThrow(() -> new AssertionError("took the lock: the next tryLock failed"))
                                .close();
                    });
                }),
                new Case("rwlock readOp", sim -> {
                    var lock = new RwLock<>("r");
                    RwLockWriteGuard<String> writer = lock.tryWrite().orElseThrow();
                    return new Subject(lock.readOp(), writer::close, () -> lock.tryWrite()
                            .orElseThrow(() -> new AssertionError("took a read permit: the next tryWrite failed"))
                            .close());
                }),
                new Case("rwlock writeOp", sim -> {
                    var lock = new RwLock<>("w");
                    RwLockReadGuard<String> reader = lock.tryRead().orElseThrow();
                    return new Subject(lock.writeOp(), reader::close, () -> lock.tryWrite()
                            .orElseThrow(() -> new AssertionError("took the write lock: the next tryWrite failed"))
                            .close());
                }),
                new Case("notify notifiedOp", sim -> {
                    var notify = new Notify();
                    return new Subject(notify.notifiedOp(), notify::notifyOne, () -> assertTrue(
                            notify.notifiedOp().tryNow(), "consumed the stored permit: the next notifiedOp missed it"));
                }),
                new Case("select sleep", sim -> timer(sim, SelectOps.sleep(Duration.ofMillis(10)))),
                new Case("select deadline", sim -> timer(sim, SelectOps.deadline(sim.now() + 10_000_000))),
                new Case("joinOp", sim -> {
                    var gate = Oneshot.<String>channel();
                    JoinHandle<String> task = sim.spawn(() -> gate.receiver().recv());
                    return new Subject(task.joinOp(), () -> {
                        gate.sender().send("done");
                        task.awaitEnd();
                    }, () -> {
                        assertFalse(task.task().isOutcomeObserved(), "observed the task's outcome");
                        assertEquals("done", task.join());
                    });
                }),
                new Case("select cancelled(token)", sim -> {
                    var token = new CancellationToken();
                    // Nothing to take, and the token's queue of waiting selects is not public: only the
                    // waiter's claim, checked for every op, is checked here.
                    return new Subject(SelectOps.cancelled(token), token::cancel, () -> {});
                }));
    }

    private static Subject mpscRecv(Channel<String> ch) {
        var rx = ch.receiver();
        return new Subject(rx.recvOp(), () -> ch.sender().trySend("v"), () -> {
            assertEquals(0, rx.queuedWaiters(), "left its receive queued");
            assertEquals("v", rx.tryRecv(), "took the value: the next tryRecv did not get it");
        });
    }

    private static Channel<String> fullChannel() {
        Channel<String> ch = Mpsc.bounded(1);
        ch.sender().trySend("filler");
        return ch;
    }

    /** A send or reserve on a full channel of one slot; receiving the filler frees the slot. */
    private static Subject mpscSlot(Channel<String> ch, Function<Channel<String>, SelectableOp<?>> op) {
        var rx = ch.receiver();
        return new Subject(op.apply(ch), () -> assertEquals("filler", rx.tryRecv()), () -> {
            assertEquals(0, rx.queuedWaiters(), "left its slot request queued");
            assertEquals(1, ch.sender().capacity(), "took the free slot");
            assertEquals(0, rx.len(), "sent its value");
            assertDoesNotThrow(() -> ch.sender().trySend("next"), "took the free slot: the next trySend failed");
        });
    }

    /** A sleep or deadline 10 ms away; sleeping 20 ms passes it. */
    private static Subject timer(Sim sim, SelectableOp<Void> op) {
        var time = (VirtualTimeDriver) RuntimeAccess.carrier(sim.runtime()).time();
        return new Subject(op, () -> sim.sleep(Duration.ofMillis(20)),
                () -> assertFalse(time.hasTimers(), "left its timer armed"));
    }
}
