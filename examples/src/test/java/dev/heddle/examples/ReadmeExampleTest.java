package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Sim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The README's first test, kept honest: run through JUnit as a user's build runs it, it fails
 * with the two lines the README prints, the seed and the rerun command included (the README's
 * class is a top-level {@code InventoryTest}, so its rerun names {@code InventoryTest#…}).
 */
class ReadmeExampleTest {

    /** The README's {@code InventoryTest}, word for word; run only through the engine below. */
    static class InventoryTest {

        /** Stock shared by two tasks: reserve() awaits a (simulated) price check mid-update. */
        static class Inventory {
            private int stock = 10;

            void reserve(int n) {
                int before = stock;
                Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(5)));   // a suspension point
                stock = before - n;
            }
        }

        @SimTest(seeds = 200)
        void reservationsAreNotLost(Sim sim) {
            Inventory inventory = new Inventory();
            var a = sim.spawn(() -> inventory.reserve(3));
            var b = sim.spawn(() -> inventory.reserve(4));
            a.join();
            b.join();
            assertEquals(3, inventory.stock);
        }
    }

    @Test
    void theReadmeTestFailsWithTheLinesTheReadmeShows() throws IOException {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(InventoryTest.class, "reservationsAreNotLost", Sim.class.getName()))
                .execute();
        String message = results.testEvents().failed().stream().findFirst()
                .flatMap(e -> e.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow(() -> new AssertionError("the README promises a failing seed within 200: "
                        + results.testEvents().list()))
                .getMessage();
        List<String> lines = message.lines().toList();
        assertEquals("seed=0x0 TASK_FAILED: task main#1 failed: org.opentest4j.AssertionFailedError:"
                + " expected: <3> but was: <7>", lines.getFirst(), message);
        assertEquals("rerun: mvn test -Dtest='ReadmeExampleTest$InventoryTest#reservationsAreNotLost'"
                + " -Dheddle.seed=0x0 -Dsurefire.failIfNoSpecifiedTests=false", lines.getLast(), message);

        String trace = lines.stream().filter(line -> line.startsWith("trace: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no trace line before the rerun line:\n" + message));
        String traceFile = Path.of("target", "heddle", "ReadmeExampleTest$InventoryTest#reservationsAreNotLost.trace.jsonl")
                .toAbsolutePath().toString();
        assertEquals("trace: " + traceFile + " (every event of the run; ./heddle trace FILE --html OUT draws its timeline)",
                trace, message);
        assertTrue(Files.readString(Path.of(traceFile)).contains("\"outcome\":\"failed\",\"failure\":\"TASK_FAILED\""));

        // The README shows the same lines, with its top-level class name (and its trace file in a user's project).
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("\ntrace: /home/you/shop/" + trace.substring(trace.indexOf("target/heddle/"))
                .replace("ReadmeExampleTest$", "") + "\n"), "README.md lacks the trace line: " + trace);
        assertTrue(readme.contains(lines.getFirst() + "\n"), "README.md lacks: " + lines.getFirst());
        String rerun = lines.getLast().replace("ReadmeExampleTest$", "");
        assertTrue(readme.contains(rerun + "\n"), "README.md lacks: " + rerun);
    }
}
