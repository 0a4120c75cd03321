package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.Runtime;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.HashSet;
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
            String first = Select.<String>select().recv(a.receiver(), v -> v).recv(b.receiver(), v -> v).run();
            String second = Select.<String>select().recv(a.receiver(), v -> v).recv(b.receiver(), v -> v).run();
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
                    Select.<String>select().recv(a.receiver(), v -> "a:" + v).recv(b.receiver(), v -> "b:" + v).run());
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
                        .recv(a.receiver(), v -> v).recv(b.receiver(), v -> v).run());
                b.sender().send("b2");
                a.sender().send("a2");
                String w = Select.<String>select().recv(a.receiver(), v -> v).recv(b.receiver(), v -> v).run();
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
            String r = Select.<String>select().when(false).recv(a.receiver(), v -> v).orElse(() -> "else").run();
            assertEquals("else", r);
            a.sender().close();
            assertEquals("a", Select.<String>select().recv(a.receiver(), v -> v).orElse(() -> "else").run());
            assertEquals("else", Select.<String>select().recv(a.receiver(), v -> v).orElse(() -> "else").run());
            assertThrows(IllegalStateException.class,
                    () -> Select.<String>select().recv(a.receiver(), v -> v).run());
        });
    }

    @Test
    void closedBranchIsSkippedWhileWaitingOnTheOthers() {
        Simulation.ofSeed(4).run(sim -> {
            Channel<String> closing = Mpsc.unbounded();
            dev.heddle.channel.oneshot.Channel<String> reply = Oneshot.channel();
            JoinHandle<String> sel = sim.spawn(() -> Select.<String>select()
                    .recv(closing.receiver(), v -> "closing:" + v).recv(reply.receiver(), v -> "reply:" + v).run());
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
            String r = Select.<String>select().recv(ch.receiver(), v -> v)
                    .sleep(Duration.ofSeconds(3), () -> "slept").run();
            assertEquals("slept", r);
            assertEquals(Duration.ofSeconds(3).toNanos(), sim.now() - start, 1_000_000);
            ch.sender().send("now");
            assertEquals("now", Select.<String>select().recv(ch.receiver(), v -> v)
                    .sleep(Duration.ofSeconds(3), () -> "slept").run());
        });
    }

    @Test
    void sendBranchThatLosesSendsNothing() {
        Simulation.ofSeed(6).run(sim -> {
            Channel<String> full = Mpsc.bounded(1);
            full.sender().send("first");
            String r = Select.<String>select().send(full.sender(), "second", () -> "sent")
                    .sleep(Duration.ofMillis(10), () -> "gave up").run();
            assertEquals("gave up", r);
            assertEquals("first", full.receiver().tryRecv());
            assertNull(full.receiver().tryRecv());
            assertEquals(1, full.sender().freeSlots(), "the losing send branch holds no slot");
            assertEquals("sent", Select.<String>select().send(full.sender(), "third", () -> "sent").run());
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
                    Select.<String>select().recv(a.receiver(), v -> v).recv(b.receiver(), v -> v).run());
            sim.sleep(Duration.ofMillis(1));
            doomed.abort();
            assertThrows(JoinException.class, doomed::join);
            a.sender().send("a");
            b.sender().send("b");
            assertEquals("a", a.receiver().tryRecv());
            assertEquals("b", b.receiver().tryRecv());
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
        try (Runtime rt = Runtime.multiThread().workerThreads(2).build()) {
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
                    Integer v = Select.<Integer>select().recv(a.receiver(), x -> x).recv(b.receiver(), x -> x)
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
