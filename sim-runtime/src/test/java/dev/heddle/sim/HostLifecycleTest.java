package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.time.Interval;
import dev.heddle.time.MissedTickBehavior;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Crash, restart, pause and resume of simulated hosts, and the durable store that outlives a crash. */
class HostLifecycleTest {

    private static long readLong(DurableStore store, String key) {
        byte[] bytes = store.get(key);
        return bytes == null ? 0 : ByteBuffer.wrap(bytes).getLong();
    }

    private static void writeLong(DurableStore store, String key, long value) {
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    /**
     * The body counts its starts in the durable store and its ticks in memory: after a crash and
     * a restart the durable count goes on, the ticks start again from nothing.
     */
    @Test
    void restartRunsTheBodyAgainWhichFindsOnlyItsDurableStore() {
        Simulation.ofSeed(1).clockSkew(Duration.ZERO, 0).run(sim -> {
            List<String> log = new ArrayList<>();
            Host db = sim.host("db-1", self -> {
                long starts = readLong(self.durable(), "starts") + 1;
                writeLong(self.durable(), "starts", starts);
                int[] ticks = {0};
                Interval interval = Heddle.clock().interval(Duration.ofMillis(100));
                while (true) {
                    interval.tick();
                    log.add("start " + starts + " tick " + ++ticks[0]);
                }
            });
            sim.sleep(Duration.ofMillis(250));
            db.crash();
            assertEquals(Host.State.CRASHED, db.state());
            JoinException e = assertThrows(JoinException.class, () -> db.mainTask().join());
            assertTrue(e.isCancelled(), e.toString());
            sim.sleep(Duration.ofSeconds(1));
            assertEquals(List.of("start 1 tick 1", "start 1 tick 2", "start 1 tick 3"), log,
                    "nothing runs while crashed");

            db.restart();
            assertEquals(Host.State.RUNNING, db.state());
            assertEquals(2, db.incarnation());
            sim.sleep(Duration.ofMillis(150));
            assertEquals(List.of("start 1 tick 1", "start 1 tick 2", "start 1 tick 3", "start 2 tick 1",
                    "start 2 tick 2"), log);
            assertEquals(2, readLong(db.durable(), "starts"));
        });
    }

    /** A crash is delivered at the next suspension point: the rest of the step runs, then the finally blocks. */
    @Test
    void crashStopsEachTaskAtItsNextSuspensionPoint() {
        Simulation.ofSeed(2).run(sim -> {
            List<String> log = new ArrayList<>();
            Host h = sim.host("h", self -> {
                JoinHandle<Void> sleeper = Heddle.spawn("sleeper", () -> {
                    try {
                        Heddle.sleep(Duration.ofHours(1));
                        log.add("sleeper woke");
                    } finally {
                        log.add("sleeper stopped at " + Heddle.now() / 1_000_000 + " ms (host clock)");
                    }
                });
                Heddle.sleep(Duration.ofMillis(1));   // the sleeper is asleep by then
                self.crash();
                log.add("crasher runs on to its next suspension point");
                try {
                    Heddle.yieldNow();
                    log.add("crasher passed a suspension point");
                } finally {
                    log.add("crasher stopped");
                }
                sleeper.join();
            });
            JoinException e = assertThrows(JoinException.class, () -> h.mainTask().join());
            assertTrue(e.isCancelled());
            sim.sleep(Duration.ofMillis(1));
            assertTrue(log.contains("crasher runs on to its next suspension point"), log.toString());
            assertTrue(log.contains("crasher stopped"), log.toString());
            assertFalse(log.contains("crasher passed a suspension point"), log.toString());
            assertFalse(log.contains("sleeper woke"), log.toString());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("sleeper stopped")), log.toString());
        });
    }

    /** A dying incarnation can neither start tasks nor write its disk; what fails as it dies fails no run. */
    @Test
    void aCrashedIncarnationSpawnsNothingWritesNothingAndItsFailuresDoNotCount() {
        Simulation.ofSeed(3).run(sim -> {
            List<Object> seen = new ArrayList<>();
            Host h = sim.host("h", self -> {
                try {
                    Heddle.sleep(Duration.ofHours(1));
                } finally {
                    seen.add(Heddle.spawn("late", () -> seen.add("late task ran")));
                    try {
                        self.durable().put("k", new byte[] {1});
                    } catch (IllegalStateException e) {
                        seen.add(e.getMessage());
                    }
                    Heddle.spawn("failing", () -> {
                        throw new IllegalStateException("failing as it dies");
                    });
                    throw new IllegalStateException("the body fails as it dies");
                }
            });
            sim.sleep(Duration.ofMillis(1));
            h.crash();
            sim.sleep(Duration.ofMillis(1));
            JoinException refused = assertThrows(JoinException.class, () -> ((JoinHandle<?>) seen.get(0)).join());
            assertTrue(refused.isCancelled(), "a crashed host refuses new tasks: " + refused);
            assertTrue(((String) seen.get(1)).contains("that incarnation crashed"), seen.get(1).toString());
            assertFalse(seen.contains("late task ran"));
            assertNull(h.durable().get("k"));
        });
    }

    @Test
    void onlyTheHostsOwnLiveIncarnationAndTheTestOutsideWriteItsDisk() {
        Simulation.ofSeed(4).run(sim -> {
            Host a = sim.host("a", self -> { });
            a.durable().put("seeded", new byte[] {7});
            byte[] written = {1, 2};
            Host b = sim.host("b", self -> {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> a.durable().put("x", new byte[0]));
                assertEquals("task main#3 on host b cannot put \"x\" in the durable store of host a: a host's disk"
                        + " is its own", e.getMessage());
                self.durable().put("mine", written);
            });
            b.mainTask().join();
            written[0] = 9;
            assertEquals(1, b.durable().get("mine")[0], "values are copied in");
            b.durable().get("mine")[1] = 9;
            assertEquals(2, b.durable().get("mine")[1], "and out");
            assertEquals(7, a.durable().get("seeded")[0]);
            assertEquals(Set.of("mine"), b.durable().keys());
            assertTrue(b.durable().remove("mine"));
            assertFalse(b.durable().remove("mine"));
        });
    }

    /** A paused host's ticker stops while another host's goes on; on resume the held tick runs and time has moved. */
    @Test
    void pauseHoldsAHostsTasksUntilResume() {
        Simulation.ofSeed(5).clockSkew(Duration.ZERO, 0).run(sim -> {
            int[] ticks = new int[2];
            Host a = sim.host("a", self -> ticker(ticks, 0));
            Host b = sim.host("b", self -> ticker(ticks, 1));
            sim.sleep(Duration.ofMillis(350));
            assertEquals(4, ticks[0]);
            assertEquals(4, ticks[1]);
            a.pause();
            assertEquals(Host.State.PAUSED, a.state());
            sim.sleep(Duration.ofMillis(1_000));
            assertEquals(4, ticks[0], "a paused host's timers fire, but its tasks are held");
            assertEquals(14, ticks[1]);
            a.resume();
            sim.sleep(Duration.ofMillis(1));
            assertEquals(5, ticks[0], "the held tick runs once; the interval then waits for its next period");
            sim.sleep(Duration.ofMillis(100));
            assertEquals(6, ticks[0]);
        });
    }

    private static void ticker(int[] ticks, int i) {
        Interval interval = Heddle.clock().interval(Duration.ofMillis(100), MissedTickBehavior.DELAY);
        while (true) {
            interval.tick();
            ticks[i]++;
        }
    }

    @Test
    void aPausedHostCanCrashAndItsHeldTasksStop() {
        Simulation.ofSeed(6).run(sim -> {
            List<String> log = new ArrayList<>();
            Host h = sim.host("h", self -> {
                try {
                    while (true) {
                        Heddle.sleep(Duration.ofMillis(10));
                    }
                } finally {
                    log.add("stopped");
                }
            });
            sim.sleep(Duration.ofMillis(5));
            h.pause();
            sim.sleep(Duration.ofMillis(50));
            h.crash();
            sim.sleep(Duration.ofMillis(1));
            assertEquals(List.of("stopped"), log);
            assertEquals(Host.State.CRASHED, h.state());
        });
    }

    @Test
    void onlyPausedTasksLeftIsADeadlockThatNamesThePausedHost() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(7).run(sim -> {
            Host h = sim.host("db-1", self -> Heddle.sleep(Duration.ofMillis(10)));
            h.pause();
            h.mainTask().join();
        }));
        assertEquals(FailureKind.DEADLOCK, f.kind());
        assertTrue(f.getMessage().contains("host db-1 is paused, holding 1 ready task(s) [main#2@db-1]"),
                f.getMessage());
    }

    @Test
    void crashListenersRunAtEachCrash() {
        Simulation.ofSeed(8).run(sim -> {
            List<String> told = new ArrayList<>();
            Host h = sim.host("h", self -> Heddle.sleep(Duration.ofHours(1)));
            h.onCrash(() -> told.add("crash of incarnation " + h.incarnation()));
            h.crash();
            h.restart();
            h.crash();
            assertEquals(List.of("crash of incarnation 1", "crash of incarnation 2"), told);
        });
    }

    @Test
    void reportsNameTheHostOfAFailedTask() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(9).run(sim -> {
            sim.host("db-1", self -> {
                throw new AssertionError("boom");
            });
            sim.sleep(Duration.ofMillis(1));
        }));
        assertTrue(f.getMessage().contains("task main#2 on host db-1 (incarnation 1) failed: java.lang.AssertionError:"
                + " boom"), f.getMessage());
    }

    @Test
    void hostTasksAreNoLeaksAndStopWhenTheRunEnds() {
        List<String> log = new ArrayList<>();
        Simulation.ofSeed(10).failOnLeakedTasks(true).run(sim -> {
            Host server = sim.host("server", self -> {
                try {
                    Heddle.sleep(Duration.ofDays(1));
                } finally {
                    log.add("server stopped");
                }
            });
            Host paused = sim.host("paused", self -> {
                try {
                    Heddle.sleep(Duration.ofMillis(7));
                } finally {
                    log.add("paused host stopped");
                }
            });
            sim.sleep(Duration.ofMillis(5));
            paused.pause();
            sim.sleep(Duration.ofMillis(5));
        });
        assertEquals(List.of("paused host stopped", "server stopped"), log.stream().sorted().toList());
    }
}
