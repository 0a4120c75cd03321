package dev.heddle.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.watch.Watch;
import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.HistoryRecorder;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.PendingOperation;
import dev.heddle.check.model.Models;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Histories of each channel, recorded in simulation and checked for linearizability against a
 * sequential model: a FIFO queue of the channel's capacity for mpsc (so a try-send refused as
 * full is checked too), a FIFO queue for oneshot (a queue that holds one value) and for
 * each broadcast receiver, a register for watch. The recorder's positions come from one global
 * sequence, which on the simulation's single carrier is the real order of events.
 */
class ChannelHistoryTest {
    private static final int SEEDS = 100;

    private static Simulation sim(long seed) {
        return Simulation.ofSeed(seed).strategy(seed % 2 == 0 ? Strategy.RANDOM : Strategy.PCT);
    }

    private static HistoryRecorder recorder() {
        return new HistoryRecorder(new AtomicLong()::incrementAndGet);
    }

    private static <S> void assertLinearizable(Model<S> model, History history, long seed, String what) {
        CheckResult result = LinearizabilityChecker.of(model).check(history);
        assertTrue(result.linearizable(), "seed " + seed + ": " + what + " history is not linearizable:\n"
                + result.describe());
    }

    @Test
    void mpscHistoriesAreThoseOfABoundedFifoQueue() {
        for (long seed = 0; seed < SEEDS; seed++) {
            HistoryRecorder recorder = recorder();
            sim(seed).run(sim -> {
                var ch = Mpsc.<Integer>bounded(2);
                List<JoinHandle<Void>> producers = new ArrayList<>();
                List<dev.heddle.channel.mpsc.Sender<Integer>> senders = new ArrayList<>();
                for (int p = 0; p < 3; p++) {
                    var tx = ch.sender().clone();
                    senders.add(tx);
                    int client = p;
                    producers.add(sim.spawn(() -> {
                        try (tx) {
                            for (int i = 0; i < 8; i++) {
                                int value = client * 100 + i;
                                PendingOperation op = recorder.invoke(client, "enqueue", null, value);
                                try {
                                    if (sim.random().nextInt(4) == 0) {
                                        tx.trySend(value);
                                    } else {
                                        tx.send(value);
                                    }
                                    op.ok(null);
                                } catch (SendException e) {
                                    if (e.isFull()) {
                                        op.ok(BoundedQueueModel.FULL);
                                    } else {
                                        op.fail(e.reason());
                                    }
                                } catch (CancellationException e) {
                                    op.fail(null);
                                    throw e;
                                }
                                maybeYield(sim);
                            }
                        }
                    }));
                }
                ch.sender().close();
                abortOneSometimes(sim, producers, senders);
                while (true) {
                    PendingOperation op = recorder.invoke(9, "dequeue", null, null);
                    Integer v = ch.receiver().recv();
                    op.ok(v);
                    if (v == null) {
                        break;
                    }
                    maybeYield(sim);
                }
            });
            assertLinearizable(new BoundedQueueModel(2), recorder.history(), seed, "mpsc");
        }
    }

    @Test
    void oneshotHistoriesAreThoseOfAQueueHoldingOneValue() {
        for (long seed = 0; seed < SEEDS; seed++) {
            HistoryRecorder recorder = recorder();
            sim(seed).run(sim -> {
                var ch = Oneshot.<Integer>channel();
                JoinHandle<Void> sender = sim.spawn(() -> {
                    maybeYield(sim);
                    PendingOperation op = recorder.invoke(0, "enqueue", null, 7);
                    ch.sender().send(7);
                    op.ok(null);
                });
                for (int i = 0; i < 3; i++) {
                    PendingOperation op = recorder.invoke(1, "dequeue", null, null);
                    Integer v;
                    try {
                        v = ch.receiver().tryRecv();
                    } catch (ChannelClosedException taken) {
                        v = null; // the value was taken already: nothing to dequeue
                    }
                    op.ok(v);
                    maybeYield(sim);
                }
                sender.join();
            });
            assertLinearizable(Models.queue(), recorder.history(), seed, "oneshot");
        }
    }

    @Test
    void eachBroadcastReceiverSeesAFifoQueueOfWhatWasSentAfterItSubscribed() {
        for (long seed = 0; seed < SEEDS; seed++) {
            List<HistoryRecorder> views = List.of(recorder(), recorder());
            sim(seed).run(sim -> {
                var ch = Broadcast.<Integer>channel(64);
                var receivers = List.of(ch.receiver(), ch.sender().subscribe());
                List<JoinHandle<Void>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    var rx = receivers.get(r);
                    HistoryRecorder view = views.get(r);
                    readers.add(sim.spawn(() -> {
                        while (true) {
                            PendingOperation op = view.invoke(9, "dequeue", null, null);
                            Integer v = rx.recv();
                            op.ok(v);
                            if (v == null) {
                                return;
                            }
                            maybeYield(sim);
                        }
                    }));
                }
                List<JoinHandle<Void>> senders = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    var tx = ch.sender().clone();
                    int client = s;
                    senders.add(sim.spawn(() -> {
                        try (tx) {
                            for (int i = 0; i < 6; i++) {
                                int value = client * 100 + i;
                                List<PendingOperation> ops = new ArrayList<>();
                                for (HistoryRecorder view : views) {
                                    ops.add(view.invoke(client, "enqueue", null, value));
                                }
                                tx.send(value);
                                ops.forEach(op -> op.ok(null));
                                maybeYield(sim);
                            }
                        }
                    }));
                }
                ch.sender().close();
                for (JoinHandle<Void> h : senders) {
                    h.join();
                }
                for (JoinHandle<Void> h : readers) {
                    h.join();
                }
            });
            for (HistoryRecorder view : views) {
                assertLinearizable(Models.queue(), view.history(), seed, "broadcast receiver");
            }
        }
    }

    @Test
    void watchHistoriesAreThoseOfARegister() {
        for (long seed = 0; seed < SEEDS; seed++) {
            HistoryRecorder recorder = recorder();
            sim(seed).run(sim -> {
                PendingOperation initial = recorder.invoke(0, "write", null, 0);
                var ch = Watch.channel(0);
                initial.ok(null);
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int w = 1; w <= 2; w++) {
                    int client = w;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 1; i <= 5; i++) {
                            int value = client * 100 + i;
                            PendingOperation op = recorder.invoke(client, "write", null, value);
                            ch.sender().sendModify(ignored -> value);
                            op.ok(null);
                            maybeYield(sim);
                        }
                    }));
                }
                for (int r = 3; r <= 4; r++) {
                    var rx = ch.sender().subscribe();
                    int client = r;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 6; i++) {
                            PendingOperation op = recorder.invoke(client, "read", null, null);
                            Integer v = i % 2 == 0 ? rx.borrow() : rx.borrowAndUpdate();
                            op.ok(v);
                            maybeYield(sim);
                        }
                    }));
                }
                for (JoinHandle<Void> t : tasks) {
                    t.join();
                }
            });
            assertLinearizable(Models.register(), recorder.history(), seed, "watch");
        }
    }

    private static void maybeYield(Sim sim) {
        if (sim.random().nextBoolean()) {
            Heddle.yieldNow();
        }
    }

    /**
     * Aborts one producer at a random point in half of the runs: its pending send must have no
     * effect. A producer aborted before it started never ran its body, so its sender is closed
     * here too (closing is idempotent).
     */
    private static void abortOneSometimes(Sim sim, List<JoinHandle<Void>> producers,
                                          List<dev.heddle.channel.mpsc.Sender<Integer>> senders) {
        if (sim.random().nextBoolean()) {
            int index = sim.random().nextInt(producers.size());
            JoinHandle<Void> victim = producers.get(index);
            sim.spawn(() -> {
                for (int i = sim.random().nextInt(6); i > 0; i--) {
                    Heddle.yieldNow();
                }
                victim.abort();
                try {
                    victim.join();
                } catch (JoinException e) {
                    assertTrue(e.isCancelled(), "the aborted producer must end cancelled: " + e);
                }
                senders.get(index).close();
            });
        }
    }
}
