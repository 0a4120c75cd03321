package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link HeddleRuntime#dump()}: every live task, its state, what it waits on and its stack, on both
 * runtimes and in simulation.
 */
class TaskDumpTest {

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    /** Four tasks, each waiting on a different primitive; the dump names each wait and shows where it is. */
    private static void dumpNamesEachWait() {
        Channel<Integer> ch = Mpsc.bounded(1);
        Mutex<Integer> mutex = new Mutex<>(0);
        MutexGuard<Integer> held = mutex.lock();
        JoinHandle<Integer> receiver = Heddle.spawn("receiver", () -> ch.receiver().recv());
        JoinHandle<Void> locker = Heddle.spawn("locker", () -> {
            try (MutexGuard<Integer> g = mutex.lock()) {
                g.set(g.get() + 1);
            }
        });
        JoinHandle<Void> sleeper = Heddle.spawn("sleeper", () -> Heddle.sleep(Duration.ofHours(1)));
        JoinHandle<Integer> joiner = Heddle.spawn("joiner", () -> receiver.join());
        TaskDump dump = dumpOnceWaiting(4);

        TaskDump.Task main = dump.tasks().getFirst();
        assertEquals(TaskDump.State.RUNNING, main.state(), dump.toString());
        assertEquals("main", main.name());
        assertTrue(main.trace().contains("TaskDumpTest.dumpNamesEachWait"), main.trace());
        assertWaits(dump, "receiver", "mpsc recv", "Receiver.recv");
        assertWaits(dump, "locker", "mutex lock", "Mutex.lock");
        assertWaits(dump, "sleeper", "sleep", "Heddle.sleep");
        TaskDump.Task joining = assertWaits(dump, "joiner", "join of receiver#", "JoinHandle.join");
        assertEquals("join of receiver#" + dump.tasks().get(1).id(), joining.waitingOn());
        assertTrue(dump.toString().startsWith("5 live tasks\n  main#"), dump.toString());
        assertTrue(dump.toString().contains("  locker#" + dump.tasks().get(2).id() + " WAITING on mutex lock\n"
                + "      at "), dump.toString());

        held.close();
        ch.sender().send(7);
        sleeper.abort();
        assertEquals(7, joiner.join());
        locker.join();
        assertEquals(1, mutex.lock().get());
    }

    /** Dumps until {@code n} tasks wait: on a multi-thread runtime they reach their waits on other workers. */
    private static TaskDump dumpOnceWaiting(int n) {
        while (true) {
            TaskDump dump = Heddle.dump();
            long waiting = dump.tasks().stream().filter(t -> t.state() == TaskDump.State.WAITING).count();
            if (waiting == n) {
                return dump;
            }
            Heddle.yieldNow();
        }
    }

    private static TaskDump.Task assertWaits(TaskDump dump, String name, String waitingOn, String frame) {
        TaskDump.Task t = dump.tasks().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        assertNotNull(t, name + " missing from\n" + dump);
        assertEquals(TaskDump.State.WAITING, t.state(), dump.toString());
        assertTrue(t.waitingOn().startsWith(waitingOn), t.heading());
        assertTrue(t.trace().contains(frame), t.trace());
        assertTrue(t.trace().contains("TaskDumpTest"), "the task's own code is in its stack:\n" + t.trace());
        assertTrue(!t.trace().contains("java.lang.VirtualThread") && !t.trace().contains("runtime.internal.Task."),
                "the frames below the body are left out:\n" + t.trace());
        return t;
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aDumpShowsEveryTaskWithWhatItWaitsOnAndWhere(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                dumpNamesEachWait();
                return null;
            });
        }
    }

    @Test
    void aDumpInSimulationShowsTheSameOverSeeds() {
        for (long seed = 0; seed < 20; seed++) {
            Simulation.ofSeed(seed).run(sim -> dumpNamesEachWait());
        }
    }

    /** A dump taken from outside the runtime's tasks (here, a test thread) sees them too. */
    @Test
    void aDumpFromOutsideTheRuntimeSeesItsTasks() throws Exception {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            CancellationToken stop = new CancellationToken();
            JoinHandle<Void> waiter = rt.spawn("waiter", stop::awaitCancellation);
            TaskDump dump;
            do {
                Thread.onSpinWait();
                dump = rt.dump();
            } while (dump.tasks().isEmpty() || dump.tasks().getFirst().state() != TaskDump.State.WAITING);
            assertEquals("waiter#1 WAITING on cancellation", dump.tasks().getFirst().heading());
            stop.cancel();
            waiter.join();
            assertEquals(List.of(), rt.dump().tasks());
        }
    }

    /** In simulation every other task is off its thread: spawned or yielded is READY; the dump is the seed's. */
    @Test
    void inSimulationASpawnedOrYieldedTaskIsReadyAndTheDumpIsTheSameForASeed() {
        List<String> dumps = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Simulation.ofSeed(5).run(sim -> {
                JoinHandle<Void> spinner = sim.spawn("spinner", () -> {
                    while (true) {
                        Heddle.yieldNow();
                    }
                });
                TaskDump fresh = Heddle.dump();
                assertEquals(TaskDump.State.READY, fresh.tasks().get(1).state(), fresh.toString());
                assertEquals("", fresh.tasks().get(1).waitingOn());
                Heddle.yieldNow();
                Heddle.yieldNow();
                TaskDump yielded = Heddle.dump();
                TaskDump.Task t = yielded.tasks().get(1);
                assertEquals(TaskDump.State.READY, t.state(), yielded.toString());
                assertTrue(t.trace().contains("Heddle.yieldNow"), t.trace());
                dumps.add(yielded.toString());
                spinner.abort();
            });
        }
        assertEquals(dumps.get(0), dumps.get(1));
    }

    /** The simulator's deadlock report is a task dump of the blocked tasks. */
    @Test
    void theDeadlockReportIsATaskDump() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).run(sim -> {
            Channel<String> ch = Mpsc.bounded(1);
            sim.spawn("consumer", () -> ch.receiver().recv());
            Heddle.ctrlC();
        }));
        assertEquals(FailureKind.DEADLOCK, f.kind());
        String m = f.getMessage();
        assertTrue(m.contains("Blocked tasks, as a task dump:\n2 live tasks\n  main#1 WAITING on ctrl c\n"), m);
        assertTrue(m.contains("  consumer#2 WAITING on mpsc recv\n      at "), m);
    }
}
