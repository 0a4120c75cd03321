package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Select#ready} branches (Tokio's {@code async { ... }} branch that never waits) and
 * {@link Select#on(dev.heddle.runtime.SelectableOp, java.util.function.Predicate, java.util.function.Function)}
 * pattern branches (Tokio's refutable {@code Some(v) = ...}), in simulation over many seeds and
 * on the real runtimes.
 */
class SelectPatternAndReadyTest {
    private static final int SEEDS = 100;

    @Test
    void onlyThePolledReadyBranchIsComputedAndTheSeedPicksWhich() {
        Set<Integer> winners = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                AtomicInteger computed = new AtomicInteger();
                int won = Select.<Integer>select()
                        .ready(() -> counted(computed, 1), v -> v)
                        .ready(() -> counted(computed, 2), v -> v)
                        .run();
                assertEquals(1, computed.get(), "a select that decided must not poll the other ready branch");
                synchronized (winners) {
                    winners.add(won);
                }
            });
        }
        assertEquals(Set.of(1, 2), winners, "the random first branch never picked one of two ready branches");
    }

    private static int counted(AtomicInteger computed, int value) {
        computed.incrementAndGet();
        return value;
    }

    @Test
    void biasedSelectComputesOnlyTheFirstReadyBranch() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                AtomicInteger second = new AtomicInteger();
                int won = Select.<Integer>select().biased()
                        .ready(() -> 1, v -> v)
                        .ready(second::incrementAndGet, v -> v)
                        .run();
                assertEquals(1, won);
                assertEquals(0, second.get());
            });
        }
    }

    @Test
    void aRejectedReadyValueDisablesItsBranchAndIsComputedOnce() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                var reply = Oneshot.<Integer>channel();
                AtomicInteger polls = new AtomicInteger();
                sim.spawn(() -> {
                    sim.sleep(Duration.ofMillis(1));
                    reply.sender().send(7);
                });
                int got = Select.<Integer>select()
                        .ready(() -> {
                            polls.incrementAndGet();
                            return Optional.<Integer>empty();
                        }, Optional::isPresent, v -> -1)
                        .on(reply.receiver().recvOp(), v -> v)
                        .run();
                assertEquals(7, got);
                assertEquals(1, polls.get(), "the rejected branch was not polled once, then disabled");
                assertEquals(Duration.ofMillis(1).toNanos(), sim.now(), "the select did not wait for the reply");
            });
        }
    }

    @Test
    void aRejectedValueOfAWaitingBranchIsDroppedAndTheSelectWaitsOn() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> numbers = Mpsc.unbounded();
                var done = Oneshot.<String>channel();
                sim.spawn(() -> {
                    numbers.sender().send(3);
                    sim.sleep(Duration.ofMillis(1));
                    numbers.sender().send(4);
                    sim.sleep(Duration.ofMillis(1));
                    done.sender().send("done");
                });
                String got = Select.<String>select()
                        .on(numbers.receiver().recvOp(), v -> v % 2 == 0, v -> "even " + v)
                        .on(done.receiver().recvOp(), v -> v)
                        .run();
                // 3 is rejected and disables the branch: 4 is never taken by it.
                assertEquals("done", got);
                assertEquals(4, numbers.receiver().tryRecv(), "a disabled branch took a later value");
            });
        }
    }

    @Test
    void everyBranchRejectedRunsOrElseOrFailsWithoutIt() {
        Simulation.ofSeed(1).run(sim -> {
            int v = Select.<Integer>select()
                    .ready(() -> Optional.<Integer>empty(), Optional::isPresent, o -> o.get())
                    .orElse(() -> 9)
                    .run();
            assertEquals(9, v);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Select.<Integer>select()
                    .ready(() -> Optional.<Integer>empty(), Optional::isPresent, o -> o.get())
                    .run());
            assertTrue(e.getMessage().contains("orElse"), e.getMessage());
        });
    }

    @Test
    void readyAndPatternBranchesOnTheRealRuntimes() {
        for (var builder : new dev.heddle.runtime.RuntimeBuilder[] {HeddleRuntime.currentThread(),
                HeddleRuntime.multiThread().workerThreads(2)}) {
            try (HeddleRuntime rt = builder.build()) {
                int v = rt.blockOn(() -> {
                    var reply = Oneshot.<Integer>channel();
                    Heddle.spawn(() -> reply.sender().send(5));
                    return Select.<Integer>select().biased()
                            .ready(() -> Optional.<Integer>empty(), Optional::isPresent, o -> o.get())
                            .on(reply.receiver().recvOp(), x -> x > 0, x -> x * 2)
                            .run();
                });
                assertEquals(10, v);
            }
        }
    }
}
