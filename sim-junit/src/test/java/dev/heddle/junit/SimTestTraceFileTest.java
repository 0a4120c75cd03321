package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace files a {@code @SimTest} writes: a failed seed's beside its seed file, and every run's with {@code -Dheddle.trace}. */
class SimTestTraceFileTest {

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        @SimTest(strategy = Strategy.RANDOM)
        void losesAnUpdate(Sim sim) {
            int[] value = {0};
            Runnable add = () -> {
                int v = value[0];
                Heddle.yieldNow();
                value[0] = v + 1;
            };
            var a = sim.spawn(add);
            var b = sim.spawn(add);
            a.join();
            b.join();
            assertEquals(2, value[0], "lost update");
        }

        @SimTest(seeds = 3)
        void passes(Sim sim) {
            sim.spawn(Heddle::yieldNow).join();
        }
    }

    @AfterEach
    void reset() {
        System.clearProperty(SeedFile.DIRECTORY_PROPERTY);
        System.clearProperty(TraceFiles.PROPERTY);
        System.clearProperty("heddle.seed");
    }

    @Test
    void aFailedSeedsTraceIsBesideItsSeedFileAndTheReportNamesIt(@TempDir Path dir) throws Exception {
        System.setProperty(SeedFile.DIRECTORY_PROPERTY, dir.toString());
        String message = SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        Path trace = dir.resolve("SimTestTraceFileTest$Samples#losesAnUpdate.trace.jsonl").toAbsolutePath();
        assertTrue(message.contains("\ntrace: " + trace + " (every event of the run; ./heddle trace FILE --html OUT"
                + " draws its timeline)\n"), message);
        assertTrue(message.indexOf("\ntrace: ") < message.indexOf("\nrerun: mvn test "), "before the rerun line");
        List<String> lines = Files.readAllLines(trace);
        String seed = message.substring("seed=".length(), message.indexOf(' '));
        assertTrue(lines.getFirst().startsWith("{\"format\":\"heddle-trace\",\"version\":1,\"seed\":\"" + seed + "\","),
                lines.getFirst());
        assertTrue(lines.getFirst().contains("\"rerun\":\"mvn test -Dtest='SimTestTraceFileTest$Samples#losesAnUpdate'"),
                "the header has the test's own rerun command: " + lines.getFirst());
        assertTrue(lines.getLast().contains("\"outcome\":\"failed\",\"failure\":\"TASK_FAILED\""), lines.getLast());
    }

    @Test
    void heddleTraceWritesTheRunsTraceToTheFileNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one-seed.trace.jsonl");
        System.setProperty(TraceFiles.PROPERTY, file.toString());
        System.setProperty("heddle.seed", "0x2");
        SampleRun.of(Samples.class, "passes").results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.getFirst().contains("\"seed\":\"0x2\""), lines.getFirst());
        assertTrue(lines.getLast().startsWith("{\"e\":\"run_end\",") && lines.getLast().contains("\"outcome\":\"passed\""),
                lines.getLast());
    }
}
