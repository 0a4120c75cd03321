package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heddle's JFR events (category "Heddle"), recorded into a file around a small program on the
 * multi-thread runtime and read back as JDK Mission Control would read them.
 */
class JfrEventsTest {
    private static final List<String> EVENTS = List.of("dev.heddle.TaskSpawn", "dev.heddle.TaskEnd",
            "dev.heddle.TaskSuspend", "dev.heddle.TaskWake", "dev.heddle.TaskSteal", "dev.heddle.OperationWait");

    @Test
    void aRecordingHoldsSpawnSuspendWakeStealEndAndChannelWaits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("heddle.jfr");
        try (Recording recording = new Recording()) {
            for (String name : EVENTS) {
                recording.enable(name).withStackTrace();
            }
            recording.start();
            runProgram();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Map<String, List<RecordedEvent>> byType = new TreeMap<>();
        for (RecordedEvent e : events) {
            byType.computeIfAbsent(e.getEventType().getName(), k -> new ArrayList<>()).add(e);
            assertEquals(List.of("Heddle"), e.getEventType().getCategoryNames());
        }
        assertTrue(byType.keySet().containsAll(EVENTS), "recorded: " + byType.keySet());

        RecordedEvent spawn = only(byType.get("dev.heddle.TaskSpawn"), "consumer");
        assertTrue(spawn.getLong("parentTaskId") > 0, spawn.toString());
        assertTrue(spawn.getStackTrace().getFrames().stream()
                .anyMatch(f -> f.getMethod().getType().getName().equals(JfrEventsTest.class.getName())),
                "a spawn's stack shows who spawned: " + spawn);
        assertEquals("SUCCEEDED", only(byType.get("dev.heddle.TaskEnd"), "consumer").getString("outcome"));
        assertTrue(byType.get("dev.heddle.TaskSuspend").stream()
                .anyMatch(e -> "consumer".equals(e.getString("taskName"))
                        && "mpsc recv".equals(e.getString("waitingOn")) && !e.getDuration().isNegative()),
                "the consumer's waits for a message: " + byType.get("dev.heddle.TaskSuspend"));
        assertTrue(byType.get("dev.heddle.OperationWait").stream()
                .anyMatch(e -> "mpsc recv".equals(e.getString("operation"))
                        && e.getBoolean("completed") && "consumer".equals(e.getString("taskName"))),
                "a completed channel wait: " + byType.get("dev.heddle.OperationWait"));
        assertTrue(byType.get("dev.heddle.TaskWake").stream().anyMatch(e -> e.getThread("wokenThread") != null
                && "consumer".equals(e.getThread("wokenThread").getJavaName())),
                "the consumer was woken: " + byType.get("dev.heddle.TaskWake"));
        RecordedEvent steal = byType.get("dev.heddle.TaskSteal").getFirst();
        assertTrue(steal.getInt("tasks") > 0 && steal.getInt("worker") != steal.getInt("victim"), steal.toString());
    }

    /**
     * A consumer waits on a channel the main task fills, then the main task spawns work and keeps
     * its worker busy until the other worker has stolen some of it: no timing decides the outcome.
     */
    private static void runProgram() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            rt.blockOn(() -> {
                Channel<Integer> ch = Mpsc.bounded(1);
                JoinHandle<Integer> consumer = Heddle.spawn("consumer", () -> {
                    int sum = 0;
                    for (int i = 0; i < 3; i++) {
                        sum += ch.receiver().recv();
                    }
                    return sum;
                });
                for (int i = 1; i <= 3; i++) {
                    ch.sender().send(i);
                }
                assertEquals(6, consumer.join());
                List<JoinHandle<Integer>> work = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    int n = i;
                    work.add(Heddle.spawn("work", () -> n));
                }
                while (rt.metrics().steals() == 0) {
                    Thread.onSpinWait();
                }
                for (JoinHandle<Integer> w : work) {
                    w.join();
                }
                return null;
            });
        }
    }

    private static RecordedEvent only(List<RecordedEvent> events, String taskName) {
        List<RecordedEvent> named = events.stream().filter(e -> taskName.equals(e.getString("taskName"))).toList();
        assertEquals(1, named.size(), events.toString());
        return named.getFirst();
    }

    /** The events cost a check when no recording runs: none is written, and nothing fails. */
    @Test
    void withoutARecordingTheProgramRunsAndNothingIsRecorded(@TempDir Path dir) throws Exception {
        runProgram();
        assertTrue(Files.list(dir).findAny().isEmpty());
    }
}
