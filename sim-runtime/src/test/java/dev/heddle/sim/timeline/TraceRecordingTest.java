package dev.heddle.sim.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.json.JsonParser;
import dev.heddle.json.JsonSyntaxException;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sync.Mutex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run writes to its trace file, read back line by line. */
class TraceRecordingTest {

    /** Two workers that take turns on a mutex, one sleeping while it holds it, and a host crashed and restarted. */
    static final SimBody TWO_WORKERS = sim -> {
        Mutex<Integer> counter = new Mutex<>(0);
        Runnable work = () -> {
            for (int i = 0; i < 3; i++) {
                try (var guard = counter.lock()) {
                    guard.set(guard.get() + 1);
                    Heddle.sleep(Duration.ofMillis(5));
                }
            }
        };
        var a = sim.spawn("worker-a", work);
        var b = sim.spawn("worker-b", work);
        Host db = sim.host("db", self -> Heddle.sleep(Duration.ofHours(1)));
        sim.sleep(Duration.ofMillis(10));
        db.crash();
        db.restart();
        a.join();
        b.join();
    };

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Path file) throws IOException, JsonSyntaxException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add((Map<String, Object>) JsonParser.parse(line));
        }
        return lines;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> lines, String kind) {
        return lines.stream().filter(l -> kind.equals(l.get("e"))).toList();
    }

    private static long taskId(List<Map<String, Object>> lines, String name) {
        return ofKind(lines, "spawn").stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .map(s -> (Long) s.get("task")).orElseThrow(() -> new AssertionError("no task " + name));
    }

    @Test
    void everyEventIsWrittenWithItsTimeTaskWakerAndStackAndTheRunIsTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.trace.jsonl");
        SimulationResult plain = Simulation.ofSeed(5).run(TWO_WORKERS);
        SimulationResult traced = Simulation.ofSeed(5).recordTrace(file).run(TWO_WORKERS);
        assertEquals(plain.traceHash(), traced.traceHash(), "recording does not change the run");

        List<Map<String, Object>> lines = lines(file);
        Map<String, Object> header = lines.getFirst();
        assertEquals(TraceFormat.NAME, header.get("format"));
        assertEquals((long) TraceFormat.VERSION, header.get("version"));
        assertEquals("0x5", header.get("seed"));
        Map<String, Object> end = lines.getLast();
        assertEquals("run_end", end.get("e"));
        assertEquals("passed", end.get("outcome"));
        assertEquals(Long.toHexString(traced.traceHash()), end.get("hash"));
        assertEquals(traced.steps(), end.get("steps"));

        List<Map<String, Object>> events = lines.subList(1, lines.size() - 1).stream()
                .filter(l -> !TraceFormat.DETAIL_KINDS.contains(l.get("e"))).toList();
        assertEquals(end.get("events"), (long) events.size(), "every trace event once");
        for (int i = 0; i < events.size(); i++) {
            assertEquals((long) i, events.get(i).get("i"), "events in order, numbered as reports number them");
        }
        long a = taskId(lines, "worker-a#2");
        long b = taskId(lines, "worker-b#3");
        // worker-b waits for the mutex; worker-a's unlock, in worker-a's step, wakes it.
        assertTrue(ofKind(lines, "wake").stream().anyMatch(w -> w.get("task").equals(b) && a == (Long) w.get("in")),
                "a wake-up names the task whose step made it");
        assertTrue(ofKind(lines, "advance").stream().anyMatch(e -> (Long) e.get("t") == 5_000_000L),
                "time moves on as the sleeps end, in nanoseconds");
        Map<String, Object> crash = ofKind(lines, "host_crash").getFirst();
        assertEquals("db", crash.get("host"));
        assertEquals(10_000_000L, crash.get("t"));
        assertTrue(ofKind(lines, "spawn").stream().anyMatch(s -> "db".equals(s.get("host"))
                && Long.valueOf(2).equals(s.get("incarnation"))), "a task of the restarted host names its host");

        // Every step's site follows it; a step that left its task suspended has a stack with the user's line.
        List<Map<String, Object>> sites = ofKind(lines, "site");
        assertEquals(traced.steps(), (long) sites.size());
        Map<String, Object> atLock = sites.stream().filter(s -> String.valueOf(s.get("at")).contains("[mutex lock]"))
                .findFirst().orElseThrow(() -> new AssertionError("no step left its task at the mutex"));
        assertTrue(String.valueOf(atLock.get("at")).contains("TraceRecordingTest"), atLock.toString());
        Map<String, Object> stack = ofKind(lines, "stack").stream().filter(s -> s.get("id").equals(atLock.get("stack")))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> frames = (List<String>) stack.get("frames");
        assertTrue(frames.getFirst().startsWith("dev.heddle.sync.Mutex.lock"), frames.toString());
        assertTrue(frames.stream().anyMatch(f -> f.startsWith("dev.heddle.sim.timeline.TraceRecordingTest")), frames.toString());
        assertEquals(ofKind(lines, "stack").size(), ofKind(lines, "stack").stream().map(s -> s.get("frames")).distinct().count(),
                "each stack is written once, and named by its id after");
    }

    @Test
    void aFailedRunsReplayWritesTheTraceTheReportNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("failed.trace.jsonl");
        SimulationFailure failure = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3)
                .recordTraceOfFailure(file).run(sim -> {
                    TWO_WORKERS.run(sim);
                    throw new AssertionError("checked after the workers");
                }));
        assertEquals(FailureKind.TASK_FAILED, failure.kind());
        assertEquals(file.toAbsolutePath(), failure.traceFile().orElseThrow());
        assertTrue(failure.getMessage().contains("\ntrace: " + file.toAbsolutePath() + " (every event of the run;"
                + " ./heddle trace FILE --html OUT draws its timeline)\nrerun: "), failure.getMessage());
        Map<String, Object> end = lines(file).getLast();
        assertEquals("failed", end.get("outcome"));
        assertEquals("TASK_FAILED", end.get("failure"));
        assertEquals(Long.toHexString(failure.traceHash()), end.get("hash"), "the replay ran as the run did");

        // A file that cannot be written leaves the replay alone: the report says why there is no trace.
        Path blocked = Files.writeString(dir.resolve("a-file"), "");
        SimulationFailure noFile = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3)
                .recordTraceOfFailure(blocked.resolve("t.jsonl")).run(sim -> {
                    TWO_WORKERS.run(sim);
                    throw new AssertionError("checked after the workers");
                }));
        assertTrue(noFile.traceFile().isEmpty());
        assertTrue(noFile.getMessage().contains("\ntrace: none, cannot write the trace file " + blocked.resolve("t.jsonl")),
                noFile.getMessage());
        assertTrue(noFile.getMessage().contains("as a replay of the seed ran them"), "the replay went as the run did");

        // A busy loop stopped by its step budget would write gigabytes: its report says how to record it.
        SimulationFailure busy = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).maxSteps(200_001)
                .recordTraceOfFailure(dir.resolve("busy.jsonl")).run(sim -> {
                    while (true) {
                        Heddle.yieldNow();
                    }
                }));
        assertEquals(FailureKind.STEP_BUDGET_EXCEEDED, busy.kind());
        assertTrue(busy.getMessage().contains("\ntrace: none, the run took 200001 steps, more than the 200000 a failure's"
                + " trace is written for by itself; add -Dheddle.trace=FILE to the rerun command to record it\n"),
                busy.getMessage());
        assertFalse(Files.exists(dir.resolve("busy.jsonl")));

        SimulationFailure unrecorded = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).run(sim -> {
            throw new AssertionError("at once");
        }));
        assertTrue(unrecorded.traceFile().isEmpty());
        assertFalse(unrecorded.getMessage().contains("\ntrace: "), unrecorded.getMessage());
    }
}
