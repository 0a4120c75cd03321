package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.broadcast.LaggedException;
import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectTest {

    @Test
    void readyBranchWinsAndTheLoserKeepsItsValue() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<String> a = Mpsc.bounded(4);
            Channel<String> b = Mpsc.bounded(4);
            a.sender().send("a1");
            b.sender().send("b1");
            String first = Select.<String>select().on(a.receiver().recvOp(), v -> v).on(b.receiver().recvOp(), v -> v).run();
            String second = Select.<String>select().on(a.receiver().recvOp(), v -> v).on(b.receiver().recvOp(), v -> v).run();
            assertEquals(Set.of("a1", "b1"), Set.of(first, second), "each value received exactly once");
            assertNull(a.receiver().tryRecv());
            assertNull(b.receiver().tryRecv());
        });
    }

    @Test
    void waitingSelectTakesTheFirstValueThatArrivesAndNothingElse() {
        Simulation.ofSeed(2).run(sim -> {
            Channel<String> a = Mpsc.bounded(4);
            Channel<String> b = Mpsc.bounded(4);
            JoinHandle<String> sel = sim.spawn(() ->
                    Select.<String>select().on(a.receiver().recvOp(), v -> "a:" + v).on(b.receiver().recvOp(), v -> "b:" + v).run());
            sim.sleep(Duration.ofMillis(1));
            b.sender().send("x");
            a.sender().send("y");
            assertEquals("b:x", sel.join());
            assertEquals("y", a.receiver().tryRecv());
        });
    }

    @Test
    void biasedSelectPollsInWrittenOrderAndRandomOrderVariesWithTheSeed() {
        Set<String> winners = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<String> a = Mpsc.unbounded();
                Channel<String> b = Mpsc.unbounded();
                a.sender().send("a");
                b.sender().send("b");
                assertEquals("a", Select.<String>select().biased()
                        .on(a.receiver().recvOp(), v -> v).on(b.receiver().recvOp(), v -> v).run());
                b.sender().send("b2");
                a.sender().send("a2");
                String w = Select.<String>select().on(a.receiver().recvOp(), v -> v).on(b.receiver().recvOp(), v -> v).run();
                synchronized (winners) {
                    winners.add(w);
                }
            });
        }
        assertEquals(Set.of("b", "a2"), winners, "an unbiased select must pick either ready branch over the seeds");
    }

    @Test
    void guardsDisableBranchesAndOrElseRunsWhenNoneIsLeft() {
        Simulation.ofSeed(3).run(sim -> {
            Channel<String> a = Mpsc.unbounded();
            a.sender().send("a");
            String r = Select.<String>select().when(false).on(a.receiver().recvOp(), v -> v).orElse(() -> "else").run();
            assertEquals("else", r);
            a.sender().close();
            assertEquals("a", Select.<String>select().on(a.receiver().recvOp(), v -> v).orElse(() -> "else").run());
            assertEquals("else", Select.<String>select().on(a.receiver().recvOp(), v -> v).orElse(() -> "else").run());
            assertThrows(IllegalStateException.class,
                    () -> Select.<String>select().on(a.receiver().recvOp(), v -> v).run());
        });
    }

    @Test
    void closedBranchIsSkippedWhileWaitingOnTheOthers() {
        Simulation.ofSeed(4).run(sim -> {
            Channel<String> closing = Mpsc.unbounded();
            dev.heddle.channel.oneshot.Channel<String> reply = Oneshot.channel();
            JoinHandle<String> sel = sim.spawn(() -> Select.<String>select()
                    .on(closing.receiver().recvOp(), v -> "closing:" + v).on(reply.receiver().recvOp(), v -> "reply:" + v).run());
            sim.sleep(Duration.ofMillis(1));
            closing.sender().close();
            sim.sleep(Duration.ofMillis(1));
            reply.sender().send("ok");
            assertEquals("reply:ok", sel.join());
        });
    }

    @Test
    void sleepBranchFiresInVirtualTimeAndLosingSleepIsCancelled() {
        Simulation.ofSeed(5).run(sim -> {
            Channel<String> ch = Mpsc.unbounded();
            long start = sim.now();
            String r = Select.<String>select().on(ch.receiver().recvOp(), v -> v)
                    .sleep(Duration.ofSeconds(3), () -> "slept").run();
            assertEquals("slept", r);
            assertEquals(Duration.ofSeconds(3).toNanos(), sim.now() - start, 1_000_000);
            ch.sender().send("now");
            assertEquals("now", Select.<String>select().on(ch.receiver().recvOp(), v -> v)
                    .sleep(Duration.ofSeconds(3), () -> "slept").run());
        });
    }

    @Test
    void sendBranchThatLosesSendsNothing() {
        Simulation.ofSeed(6).run(sim -> {
            Channel<String> full = Mpsc.bounded(1);
            full.sender().send("first");
            String r = Select.<String>select().on(full.sender().sendOp("second"), _ -> "sent")
                    .sleep(Duration.ofMillis(10), () -> "gave up").run();
            assertEquals("gave up", r);
            assertEquals("first", full.receiver().tryRecv());
            assertNull(full.receiver().tryRecv());
            assertEquals(1, full.sender().capacity(), "the losing send branch holds no slot");
            assertEquals("sent", Select.<String>select().on(full.sender().sendOp("third"), _ -> "sent").run());
            assertEquals("third", full.receiver().tryRecv());
        });
    }

    @Test
    void joinAndCancellationBranches() {
        Simulation.ofSeed(7).run(sim -> {
            JoinHandle<Integer> slow = sim.spawn(() -> {
                sim.sleep(Duration.ofSeconds(1));
                return 5;
            });
            CancellationToken token = new CancellationToken();
            assertEquals(6, Select.<Integer>select().join(slow, v -> v + 1).cancelled(token, () -> -1).run());
            sim.spawn(() -> {
                sim.sleep(Duration.ofSeconds(1));
                token.cancel();
            });
            JoinHandle<Integer> never = sim.spawn(() -> {
                sim.sleep(Duration.ofDays(1));
                return 0;
            });
            assertEquals(-1, Select.<Integer>select().join(never, v -> v).cancelled(token, () -> -1).run());
            never.abort();
            JoinException e = assertThrows(JoinException.class,
                    () -> Select.<Integer>select().join(never, v -> v).run());
            assertTrue(e.isCancelled());
        });
    }

    @Test
    void abortedSelectLeavesNoWaiterBehind() {
        Simulation.ofSeed(8).run(sim -> {
            Channel<String> a = Mpsc.unbounded();
            Channel<String> b = Mpsc.unbounded();
            JoinHandle<String> doomed = sim.spawn(() ->
                    Select.<String>select().on(a.receiver().recvOp(), v -> v).on(b.receiver().recvOp(), v -> v).run());
            sim.sleep(Duration.ofMillis(1));
            assertEquals(1, a.receiver().queuedWaiters());
            assertEquals(1, b.receiver().queuedWaiters());
            doomed.abort();
            assertThrows(JoinException.class, doomed::join);
            assertEquals(0, a.receiver().queuedWaiters(), "the aborted select left its node on a");
            assertEquals(0, b.receiver().queuedWaiters(), "the aborted select left its node on b");
            a.sender().send("a");
            b.sender().send("b");
            assertEquals("a", a.receiver().tryRecv());
            assertEquals("b", b.receiver().tryRecv());
        });
    }

    @Test
    void broadcastReceiveBranchTakesTheNextValueAndALagSurfacesFromRun() {
        Simulation.ofSeed(10).run(sim -> {
            var events = Broadcast.<String>channel(2);
            var rx = events.receiver();
            JoinHandle<String> sel = sim.spawn(() -> Select.<String>select()
                    .on(rx.recvOp(), v -> "event:" + v).sleep(Duration.ofSeconds(1), () -> "slept").run());
            sim.sleep(Duration.ofMillis(1));
            events.sender().send("e1");
            assertEquals("event:e1", sel.join());
            assertEquals(0, rx.len(), "the winning branch read e1");

            for (String e : List.of("e2", "e3", "e4", "e5")) {
                events.sender().send(e);
            }
            LaggedException lag = assertThrows(LaggedException.class, () -> Select.<String>select()
                    .on(rx.recvOp(), v -> v).sleep(Duration.ofSeconds(1), () -> "slept").run());
            assertEquals(2, lag.missed(), "e2 and e3 were overwritten in a ring of 2");
            assertEquals("e4", Select.<String>select().on(rx.recvOp(), v -> v).run(), "after the lag, the oldest value held");
            assertEquals("e5", rx.tryRecv());

            events.sender().close();
            assertEquals("closed", Select.<String>select().on(rx.recvOp(), v -> v).orElse(() -> "closed").run(),
                    "a drained broadcast whose senders closed disables its branch");
        });
    }

    @Test
    void deadlineBranchFiresAtTheGivenClockValue() {
        Simulation.ofSeed(11).run(sim -> {
            Channel<String> ch = Mpsc.unbounded();
            long deadline = sim.now() + Duration.ofMillis(300).toNanos();
            assertEquals("deadline", Select.<String>select().on(ch.receiver().recvOp(), v -> v)
                    .deadline(deadline, () -> "deadline").run());
            assertEquals(deadline, sim.now(), "the branch fires at the deadline, in virtual time");
            assertEquals("past", Select.<String>select().biased().on(ch.receiver().recvOp(), v -> v)
                    .deadline(deadline, () -> "past").run(), "a deadline already passed is ready at once");
            assertEquals(deadline, sim.now());
            JoinHandle<String> sel = sim.spawn(() -> Select.<String>select().on(ch.receiver().recvOp(), v -> v)
                    .deadline(sim.now() + Duration.ofSeconds(1).toNanos(), () -> "deadline").run());
            sim.sleep(Duration.ofMillis(10));
            ch.sender().send("value");
            assertEquals("value", sel.join(), "a value before the deadline wins");
            assertEquals(deadline + Duration.ofMillis(10).toNanos(), sim.now(), 1_000_000);
        });
    }

    @Test
    void reserveBranchSendsThroughTheReservedSlot() {
        Simulation.ofSeed(12).run(sim -> {
            Channel<String> ch = Mpsc.bounded(1);
            ch.sender().send("filler");
            JoinHandle<String> sel = sim.spawn(() -> Select.<String>select()
                    .on(ch.sender().reserveOp(), permit -> {
                        try (permit) {
                            permit.send("through the permit");
                        }
                        return "reserved";
                    })
                    .sleep(Duration.ofSeconds(1), () -> "slept").run());
            sim.sleep(Duration.ofMillis(1));
            assertEquals(0, ch.sender().capacity());
            assertEquals("filler", ch.receiver().recv(), "receiving frees the slot for the waiting reserve");
            assertEquals("reserved", sel.join());
            assertEquals("through the permit", ch.receiver().tryRecv());
            assertNull(ch.receiver().tryRecv());
            assertEquals(1, ch.sender().capacity(), "the used permit's slot is free again once received");

            ch.sender().send("filler");
            assertEquals("slept", Select.<String>select().on(ch.sender().reserveOp(), permit -> {
                permit.close();
                return "reserved";
            }).sleep(Duration.ofMillis(5), () -> "slept").run());
            assertEquals(0, ch.receiver().queuedWaiters(), "the losing reserve left its slot request behind");
            assertEquals("filler", ch.receiver().tryRecv());
            assertEquals(1, ch.sender().capacity(), "the losing reserve took no slot");
        });
    }

    @Test
    void timeoutAroundOneOperation() {
        Simulation.ofSeed(9).run(sim -> {
            Channel<String> ch = Mpsc.unbounded();
            Elapsed e = assertThrows(Elapsed.class,
                    () -> Select.timeout(Duration.ofMillis(50), ch.receiver().recvOp()));
            assertEquals(Duration.ofMillis(50), e.limit());
            ch.sender().send("in time");
            assertEquals("in time", Select.timeout(Duration.ofMillis(50), ch.receiver().recvOp()));
        });
    }

    @Test
    void selectOnWorkerThreadsReceivesEveryValueExactlyOnce() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int total = rt.blockOn(() -> {
                Channel<Integer> a = Mpsc.bounded(2);
                Channel<Integer> b = Mpsc.bounded(2);
                for (Channel<Integer> ch : java.util.List.of(a, b)) {
                    dev.heddle.runtime.Heddle.spawn(() -> {
                        try (var tx = ch.sender()) {
                            for (int i = 1; i <= 2000; i++) {
                                tx.send(i);
                            }
                        }
                    });
                }
                int sum = 0;
                int received = 0;
                while (true) {
                    Integer v = Select.<Integer>select().on(a.receiver().recvOp(), x -> x).on(b.receiver().recvOp(), x -> x)
                            .orElse(() -> null).run();
                    if (v == null) {
                        return received == 4000 ? sum : -received;
                    }
                    sum += v;
                    received++;
                }
            });
            assertEquals(2 * 2000 * 2001 / 2, total);
        }
    }
}
