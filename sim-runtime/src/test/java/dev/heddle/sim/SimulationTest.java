package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class SimulationTest {

    /** Three tasks that sleep, yield and draw random numbers: enough choices to tell runs apart. */
    static final SimBody WORKLOAD = sim -> {
        List<JoinHandle<Long>> hs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hs.add(sim.spawn("worker-" + i, () -> {
                long acc = 0;
                for (int k = 0; k < 5; k++) {
                    acc += sim.random().nextInt(100);
                    if (sim.random().nextBoolean()) {
                        Heddle.yieldNow();
                    } else {
                        sim.sleep(Duration.ofMillis(1 + sim.random().nextInt(5)));
                    }
                }
                return acc;
            }));
        }
        for (JoinHandle<Long> h : hs) {
            h.join();
        }
    };

    @Test
    void virtualTimeJumpsWhenEveryTaskWaits() {
        long[] seen = new long[2];
        SimulationResult r = Simulation.ofSeed(1).run(sim -> {
            JoinHandle<Long> h = sim.spawn(() -> {
                sim.sleep(Duration.ofHours(3));
                return sim.now();
            });
            sim.sleep(Duration.ofMinutes(5));
            seen[0] = sim.now();
            seen[1] = h.join();
        });
        assertEquals(Duration.ofMinutes(5).toNanos(), seen[0]);
        assertEquals(Duration.ofHours(3).toNanos(), seen[1]);
        assertEquals(Duration.ofHours(3).toNanos(), r.virtualNanos());
    }

    @Test
    void timeStandsStillWhileATaskIsReady() {
        Simulation.ofSeed(2).run(sim -> {
            JoinHandle<Void> sleeper = sim.spawn(() -> sim.sleep(Duration.ofMillis(1)));
            for (int i = 0; i < 1000; i++) {
                Heddle.yieldNow();
            }
            assertEquals(0, sim.now());
            sleeper.join();
            assertEquals(1_000_000, sim.now());
        });
    }

    @Test
    void theSameSeedGivesTheSameTraceAndOtherSeedsDiffer() {
        Set<Long> hashes = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            long first = Simulation.ofSeed(seed).run(WORKLOAD).traceHash();
            assertEquals(first, Simulation.ofSeed(seed).run(WORKLOAD).traceHash(), "seed " + seed);
            hashes.add(first);
        }
        assertTrue(hashes.size() > 45, "distinct traces: " + hashes.size());
    }

    @Test
    void determinismCheckPassesOnDeterministicCodeAndNamesTheDivergenceOtherwise() {
        Simulation.ofSeed(5).checkDeterminism(WORKLOAD);
        int[] runs = {0};
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(5).checkDeterminism(sim -> {
            int extra = runs[0]++ == 0 ? 1 : 2;   // something outside the seed decides
            for (int i = 0; i < extra; i++) {
                sim.spawn(Heddle::yieldNow).join();
            }
        }));
        assertEquals(FailureKind.NONDETERMINISM, f.kind());
        assertTrue(f.getMessage().startsWith("seed=0x5 NONDETERMINISM"), f.getMessage());
        assertTrue(f.getMessage().contains("first run:") && f.getMessage().contains("second run:"), f.getMessage());
    }

    @Test
    void deadlockNamesEveryBlockedTaskWithItsStack() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(0x2a).run(sim -> {
            CancellationToken never = new CancellationToken();
            sim.spawn("waiter-a", never::awaitCancellation);
            sim.spawn("waiter-b", never::awaitCancellation);
            never.awaitCancellation();
        }));
        assertEquals(FailureKind.DEADLOCK, f.kind());
        String m = f.getMessage();
        assertTrue(m.startsWith("seed=0x2a DEADLOCK"), m);
        assertTrue(m.contains("main#1") && m.contains("waiter-a#2") && m.contains("waiter-b#3"), m);
        assertTrue(m.contains("CancellationToken.awaitCancellation"), m);
        assertTrue(m.contains("rerun: Simulation.ofSeed(0x2aL)"), m);
    }

    @Test
    void busyLoopExceedsTheStepBudgetAndShowsTheSpinningTask() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).maxSteps(10_000)
                .run(sim -> {
                    boolean[] flag = {false};
                    sim.spawn("spinner", () -> {
                        while (!flag[0]) {
                            Heddle.yieldNow();
                        }
                    }).join();
                }));
        assertEquals(FailureKind.STEP_BUDGET_EXCEEDED, f.kind());
        assertTrue(f.getMessage().contains("10000 steps") && f.getMessage().contains("spinner#2"), f.getMessage());
        assertTrue(f.getMessage().contains("SimulationTest"), f.getMessage());
    }

    @Test
    void timeBudgetStopsRunsThatWaitForever() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(4)
                .maxTime(Duration.ofMinutes(1)).run(sim -> {
                    while (true) {
                        sim.sleep(Duration.ofSeconds(1));
                    }
                }));
        assertEquals(FailureKind.TIME_BUDGET_EXCEEDED, f.kind());
        assertTrue(f.getMessage().contains("60000 ms"), f.getMessage());
    }

    @Test
    void threadSleepInATaskWithoutTheAgentIsAForeignWakeUp() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(6).run(sim ->
                sim.spawn("napper", () -> {
                    // Its park lasts virtual time, but Thread.sleep loops on the real System.nanoTime.
                    Thread.sleep(60_000);
                    return null;
                }).join()));
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
        assertTrue(f.getMessage().contains("napper#2") && f.getMessage().contains("Thread.sleep"), f.getMessage());
        assertTrue(f.getMessage().contains("Heddle's agent") && f.getMessage().contains("use Heddle's clock"),
                f.getMessage());
    }

    /** With the report off, a task blocked on a monitor waits for the JDK's hand-off: no foreign wake-up. */
    @Test
    void aMonitorHeldAcrossASuspensionIsHandedOverWhenItsHolderLeavesIt() {
        Object lock = new Object();
        StringBuilder order = new StringBuilder();
        Simulation.ofSeed(7).strategy(Strategy.FIFO).onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE).run(sim -> {
            JoinHandle<Void> holder = sim.spawn("holder", () -> {
                synchronized (lock) {
                    sim.sleep(Duration.ofMillis(5));
                    order.append("holder@").append(Heddle.now() / 1_000_000).append(' ');
                }
            });
            JoinHandle<Void> contender = sim.spawn("contender", () -> {
                synchronized (lock) {
                    order.append("contender@").append(Heddle.now() / 1_000_000);
                }
            });
            holder.join();
            contender.join();
        });
        assertEquals("holder@5 contender@5", order.toString());
    }

    @Test
    void aPlatformThreadWakingATaskIsReported() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(8).run(sim -> {
            boolean[] go = {false};
            Thread[] parkedThread = new Thread[1];
            JoinHandle<Void> parked = sim.spawn("parked", () -> {
                parkedThread[0] = Thread.currentThread();
                while (!go[0]) {
                    LockSupport.park();
                }
            });
            sim.sleep(Duration.ofMillis(1));   // "parked" is parked now
            Thread outsider = new Thread(() -> {
                go[0] = true;
                LockSupport.unpark(parkedThread[0]);
            }, "outsider");
            outsider.start();
            while (outsider.isAlive()) {
                Thread.onSpinWait();           // no suspension: the carrier waits for the outsider
            }
            parked.join();
        }));
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
        assertTrue(f.getMessage().contains("'outsider'") && f.getMessage().contains("parked#2"), f.getMessage());
        assertTrue(f.getMessage().contains("platform thread"), f.getMessage());
    }

    @Test
    void joiningAPlatformThreadIsReportedAsAnObjectWait() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread outsider = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "outsider");
        outsider.start();
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(8).run(sim -> outsider.join()));
        release.countDown();
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
        assertTrue(f.getMessage().contains("Object.wait"), f.getMessage());
    }

    @Test
    void leakedTasksFailWhenTheRunAsksForNone() {
        SimBody leaky = sim -> sim.spawn("forgotten", () -> sim.sleep(Duration.ofHours(1)));
        Simulation.ofSeed(9).run(leaky);
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(9).failOnLeakedTasks(true).run(leaky));
        assertEquals(FailureKind.LEAKED_TASKS, f.kind());
        assertTrue(f.getMessage().contains("forgotten#2"), f.getMessage());
    }

    @Test
    void leftoverTasksAreAbortedAndTheirFinallyBlocksRun() {
        List<String> log = new ArrayList<>();
        Simulation.ofSeed(10).run(sim -> {
            sim.spawn(() -> {
                try {
                    sim.sleep(Duration.ofHours(1));
                } finally {
                    log.add("cleaned");
                }
            });
            sim.sleep(Duration.ofMillis(1));   // the task has started and is asleep
        });
        assertEquals(List.of("cleaned"), log);
    }

    @Test
    void anUnjoinedFailedTaskFailsTheRunAndAJoinedOneDoesNot() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(11).run(sim -> {
            sim.spawn("doomed", () -> {
                throw new IllegalStateException("lost");
            });
            sim.sleep(Duration.ofSeconds(1));
        }));
        assertEquals(FailureKind.TASK_FAILED, f.kind());
        assertTrue(f.getMessage().contains("doomed#2") && f.getMessage().contains("lost"), f.getMessage());
        Simulation.ofSeed(11).run(sim -> {
            JoinHandle<Void> h = sim.spawn(() -> {
                throw new IllegalStateException("seen");
            });
            assertTrue(assertThrows(JoinException.class, h::join).isFailed());
        });
    }

    @Test
    void anAssertionFailingInAnyTaskFailsTheRunWithItsSeed() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(0xbeef).run(sim -> {
            sim.spawn("checker", () -> assertEquals(1, 2, "one is two"));
            sim.sleep(Duration.ofSeconds(1));
        }));
        assertEquals(FailureKind.TASK_FAILED, f.kind());
        assertTrue(f.getMessage().startsWith("seed=0xbeef TASK_FAILED"), f.getMessage());
        assertTrue(f.getMessage().contains("one is two"), f.getMessage());
        assertEquals(0xbeef, f.seed());
    }

    @Test
    void virtualThreadsStartedWithTheJdkApiJoinTheSimulation() {
        long first = Simulation.ofSeed(12).run(sim -> {
            List<Integer> seen = new ArrayList<>();
            Thread t = Thread.ofVirtual().start(() -> {
                Heddle.yieldNow();
                seen.add(1);
            });
            t.join();
            assertEquals(List.of(1), seen);
        }).traceHash();
        assertEquals(first, Simulation.ofSeed(12).run(sim -> {
            List<Integer> seen = new ArrayList<>();
            Thread t = Thread.ofVirtual().start(() -> {
                Heddle.yieldNow();
                seen.add(1);
            });
            t.join();
        }).traceHash());
    }

    @Test
    void fifoRunsTasksInTheOrderTheyBecameReady() {
        List<Integer> order = new ArrayList<>();
        Simulation.ofSeed(13).strategy(Strategy.FIFO).run(sim -> {
            List<JoinHandle<Void>> hs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int id = i;
                hs.add(sim.spawn(() -> {
                    order.add(id);
                }));
            }
            for (JoinHandle<Void> h : hs) {
                h.join();
            }
        });
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void randomStrategyExploresDifferentOrders() {
        Set<List<Integer>> orders = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            List<Integer> order = new ArrayList<>();
            Simulation.ofSeed(seed).run(sim -> {
                List<JoinHandle<Void>> hs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    int id = i;
                    hs.add(sim.spawn(() -> {
                    order.add(id);
                }));
                }
                for (JoinHandle<Void> h : hs) {
                    h.join();
                }
            });
            orders.add(order);
        }
        assertEquals(6, orders.size(), "all 3! orders of three tasks: " + orders);
    }

    @Test
    void pctFindsAnOrderingBugOfDepthTwo() {
        // The bug needs "reader before writer" although the writer is spawned first.
        int found = 0;
        for (long seed = 0; seed < 100; seed++) {
            int[] value = {0};
            int[] read = {-1};
            Simulation.ofSeed(seed).strategy(Strategy.PCT).pctDepth(2).pctHorizon(20).run(sim -> {
                JoinHandle<Void> w = sim.spawn(() -> {
                    Heddle.yieldNow();
                    value[0] = 1;
                });
                JoinHandle<Void> r = sim.spawn(() -> {
                    Heddle.yieldNow();
                    read[0] = value[0];
                });
                w.join();
                r.join();
            });
            if (read[0] == 0) {
                found++;
            }
        }
        assertTrue(found > 0 && found < 100, "PCT must find the rare order sometimes: " + found);
    }

    /**
     * PCT's schedule shape: a task runs until it waits, ends, or a change point demotes it, so
     * two tasks that only yield are preempted at most d - 1 times, and with change points within
     * the run some seeds use all of them. RANDOM, for contrast, switches at almost every yield.
     */
    @Test
    void pctPreemptsAtMostDepthMinusOneTimesAndUsesItsChangePoints() {
        for (int depth = 1; depth <= 4; depth++) {
            int most = 0;
            for (long seed = 0; seed < 200; seed++) {
                int preemptions = preemptionsOfTwoYieldingTasks(
                        Simulation.ofSeed(seed).strategy(Strategy.PCT).pctDepth(depth).pctHorizon(45));
                assertTrue(preemptions <= depth - 1, "depth " + depth + ", seed " + seed + ": " + preemptions
                        + " preemptions");
                most = Math.max(most, preemptions);
            }
            assertEquals(depth - 1, most, "depth " + depth + ": some seed should use every change point");
        }
        int random = preemptionsOfTwoYieldingTasks(Simulation.ofSeed(1).strategy(Strategy.RANDOM));
        assertTrue(random > 5, "RANDOM preempted only " + random + " times");
    }

    /**
     * Priorities alone are unfair: a task that yields until another acts would keep the highest
     * priority for ever. Past its horizon PCT picks at random, so the spin ends; within the
     * horizon the spinner keeps running when it has the higher priority.
     */
    @Test
    void pctPastItsHorizonLetsATaskSpinningOnYieldBeOvertaken() {
        int spunThroughTheHorizon = 0;
        for (long seed = 0; seed < 50; seed++) {
            boolean[] flag = {false};
            int[] spins = {0};
            Simulation.ofSeed(seed).strategy(Strategy.PCT).pctDepth(1).pctHorizon(100).maxSteps(10_000).run(sim -> {
                JoinHandle<Void> spinner = sim.spawn(() -> {
                    while (!flag[0]) {
                        spins[0]++;
                        Heddle.yieldNow();
                    }
                });
                JoinHandle<Void> setter = sim.spawn(() -> {
                    flag[0] = true;
                });
                spinner.join();
                setter.join();
            });
            if (spins[0] >= 95) {
                spunThroughTheHorizon++;
            }
        }
        assertTrue(spunThroughTheHorizon > 0, "no seed gave the spinner the higher priority");
    }

    /** Two tasks yield 20 times each; counts the switches away from a task that had not finished. */
    private static int preemptionsOfTwoYieldingTasks(Simulation simulation) {
        List<Integer> order = new ArrayList<>();
        simulation.run(sim -> {
            List<JoinHandle<Void>> hs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int id = t;
                hs.add(sim.spawn(() -> {
                    for (int i = 0; i < 20; i++) {
                        order.add(id);
                        Heddle.yieldNow();
                    }
                }));
            }
            for (JoinHandle<Void> h : hs) {
                h.join();
            }
        });
        int[] left = {20, 20};
        int preemptions = 0;
        for (int i = 0; i < order.size(); i++) {
            int id = order.get(i);
            left[id]--;
            if (i + 1 < order.size() && order.get(i + 1) != id && left[id] > 0) {
                preemptions++;
            }
        }
        return preemptions;
    }

    /**
     * An aborted sleeper's timer and a finished timeout's timer leave the wheel: when the main
     * task then waits for ever, the deadlock is seen at once, not after time jumped to them.
     */
    @Test
    void timersOfAbortedTasksAndFinishedTimeoutsAreCancelled() {
        for (long seed = 0; seed < 50; seed++) {
            long s = seed;
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(s).run(sim -> {
                JoinHandle<Void> sleeper = sim.spawn(() -> sim.sleep(Duration.ofHours(1)));
                JoinHandle<Integer> quick = sim.spawn(() -> sim.clock().timeout(Duration.ofHours(2), () -> 7));
                sim.sleep(Duration.ofMillis(3));
                sleeper.abort();
                assertThrows(JoinException.class, sleeper::join);
                assertEquals(7, quick.join());
                var never = dev.heddle.channel.mpsc.Mpsc.<Integer>unbounded();
                never.receiver().recv();
            }));
            assertEquals(FailureKind.DEADLOCK, f.kind());
            assertTrue(f.getMessage().contains("at 3 ms virtual time"), f.getMessage());
        }
    }

    @Test
    void settingsAreValidatedNamingTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Simulation.ofSeed(1).maxSteps(0));
        assertTrue(e.getMessage().contains("maxSteps") && e.getMessage().contains("0"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Simulation.parseSeed("0xZZ"));
        assertTrue(e2.getMessage().contains("0xZZ"), e2.getMessage());
        assertEquals(42, Simulation.parseSeed("0x2a"));
        assertEquals(42, Simulation.parseSeed("42"));
        assertEquals(-1L, Simulation.parseSeed("0xffffffffffffffff"));
        assertNotEquals(0, Simulation.ofSeed(1).run(sim -> { }).traceHash());
    }
}
