package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Tokio's own hook tests (conformance's {@code TaskHooksTest}) do not reach: hooks of tasks
 * that fail, are aborted while waiting or before they ever ran, and the builder's checks.
 */
class TaskHooksEdgesTest {

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    /** Every event of one task, in order, as {@code "spawn"}, {@code "before"}, {@code "after"}, {@code "end"}. */
    private static RuntimeBuilder recording(RuntimeBuilder builder, String taskName, List<String> events) {
        return builder.onTaskSpawn(m -> record(m, taskName, events, "spawn"))
                .onBeforeTaskPoll(m -> record(m, taskName, events, "before"))
                .onAfterTaskPoll(m -> record(m, taskName, events, "after"))
                .onTaskTerminate(m -> record(m, taskName, events, "end"));
    }

    private static void record(TaskMeta meta, String taskName, List<String> events, String event) {
        if (meta.name().equals(taskName)) {
            events.add(event);
        }
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aTaskAbortedWhileWaitingEndsItsPollAndTerminates(RuntimeBuilder builder) {
        List<String> events = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = recording(builder, "waiter", events).build()) {
            rt.blockOn(() -> {
                CancellationToken never = new CancellationToken();
                JoinHandle<Void> waiter = Heddle.spawn("waiter", never::awaitCancellation);
                while (Heddle.dump().tasks().stream().noneMatch(t -> t.name().equals("waiter")
                        && t.state() == TaskDump.State.WAITING)) {
                    Heddle.yieldNow();
                }
                waiter.abort();
                assertTrue(assertThrows(JoinException.class, waiter::join).isCancelled());
                return null;
            });
        }
        // Started, suspended, resumed by the abort, which ends the body.
        assertEquals(List.of("spawn", "before", "after", "before", "after", "end"), events);
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aTaskAbortedBeforeItRanIsNeverPolledButTerminates(RuntimeBuilder builder) {
        List<String> events = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = recording(builder, "late", events).build()) {
            rt.blockOn(() -> {
                JoinHandle<Void> late = Heddle.spawn("late", () -> { });
                late.abort();
                try {
                    late.join();
                } catch (JoinException e) {
                    assertTrue(e.isCancelled());
                }
                return null;
            });
        }
        assertTrue(events.equals(List.of("spawn", "end"))
                || events.equals(List.of("spawn", "before", "after", "end")), events.toString());
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aFailingTaskEndsItsPollAndTerminates(RuntimeBuilder builder) {
        List<String> events = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = recording(builder, "bad", events).build()) {
            rt.blockOn(() -> {
                JoinHandle<Void> bad = Heddle.spawn("bad", () -> {
                    Heddle.yieldNow();
                    throw new IllegalStateException("boom");
                });
                assertTrue(assertThrows(JoinException.class, bad::join).isFailed());
                return null;
            });
        }
        assertEquals(List.of("spawn", "before", "after", "before", "after", "end"), events);
    }

    @Test
    void aGracePeriodThatIsNotPositiveIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeddleRuntime.currentThread().shutdownGracePeriod(Duration.ZERO).build());
        assertEquals("shutdownGracePeriod must be a positive duration, was PT0S; it is how long a JVM exit waits for"
                + " the runtime to be closed, e.g. Duration.ofSeconds(30)", e.getMessage());
        assertThrows(NullPointerException.class, () -> HeddleRuntime.currentThread().onTaskSpawn(null));
    }
}
