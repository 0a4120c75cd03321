package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failed {@link SimTest} writes its decision log beside its seed file and names it, with the
 * command that replays it, before the rerun line; {@code -Dheddle.replay} replays it, with
 * {@code -Dheddle.shrink=true} shrinks it, and {@code @SimTest(replay)} keeps it as a regression
 * test that passes once the bug is fixed.
 */
class SimTestDecisionLogTest {
    private static final Path LOG = Path.of("target", "heddle", "SimTestDecisionLogTest$Samples#losesAnUpdate.decisions");
    private static final Path KEPT = Path.of("target", "heddle", "SimTestDecisionLogTest-kept.decisions");
    /** Set by a test to run the samples with the bug fixed. */
    static volatile boolean fixed;

    @AfterEach
    void clear() {
        System.clearProperty(DecisionLogReplay.REPLAY_PROPERTY);
        System.clearProperty(DecisionLogReplay.SHRINK_PROPERTY);
        fixed = false;
    }

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        static void tenIncrements(Sim sim) {
            long[] counter = {0};
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                handles.add(sim.spawn(() -> {
                    long read = counter[0];
                    if (!fixed) {
                        Heddle.yieldNow();
                    }
                    counter[0] = read + 1;
                }));
            }
            handles.forEach(JoinHandle::join);
            if (counter[0] != 10) {
                throw new AssertionError("lost update: counted " + counter[0] + " of 10");
            }
        }

        @SimTest(seeds = 20, strategy = Strategy.RANDOM)
        void losesAnUpdate(Sim sim) {
            tenIncrements(sim);
        }

        @SimTest(replay = "target/heddle/SimTestDecisionLogTest-kept.decisions", strategy = Strategy.RANDOM)
        void keptFailure(Sim sim) {
            tenIncrements(sim);
        }
    }

    @Test
    void aFailureWritesItsDecisionLogAndNamesItBeforeTheRerunLine() throws Exception {
        Files.deleteIfExists(LOG);
        String message = SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        assertTrue(Files.isRegularFile(LOG), "written: " + LOG);
        DecisionLog log = DecisionLog.read(LOG);
        assertEquals("dev.heddle.junit.SimTestDecisionLogTest$Samples#losesAnUpdate", log.property("test").orElseThrow());
        String seed = message.substring("seed=".length(), message.indexOf(' '));
        assertEquals(seed, dev.heddle.sim.Simulation.hex(log.seed()));
        assertTrue(message.contains("\ndecision log: " + LOG + " (" + log.size() + " decisions); replay it with mvn test"
                + " -Dtest='SimTestDecisionLogTest$Samples#losesAnUpdate' -Dheddle.replay='" + LOG + "'"
                + " -Dsurefire.failIfNoSpecifiedTests=false (add -Dheddle.shrink=true to shrink it)\nrerun: "), message);
        assertTrue(message.endsWith("-Dheddle.seed=" + seed + " -Dsurefire.failIfNoSpecifiedTests=false"), message);

        System.setProperty(DecisionLogReplay.REPLAY_PROPERTY, LOG.toString());
        String replayed = SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        assertEquals(message.lines().findFirst(), replayed.lines().findFirst(), "the same failure");
        assertTrue(replayed.contains("replayed the decision log " + LOG), replayed);
        assertTrue(replayed.endsWith("\nrerun: mvn test -Dtest='SimTestDecisionLogTest$Samples#losesAnUpdate'"
                + " -Dheddle.replay='" + LOG + "' -Dsurefire.failIfNoSpecifiedTests=false"), replayed);
    }

    @Test
    void aReplayAskedToShrinkWritesTheShrunkLogAndReportsItsRun() throws Exception {
        Files.deleteIfExists(LOG);
        SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        Path shrunkFile = DecisionLogFile.shrunk(LOG);
        Files.deleteIfExists(shrunkFile);
        System.setProperty(DecisionLogReplay.REPLAY_PROPERTY, LOG.toString());
        System.setProperty(DecisionLogReplay.SHRINK_PROPERTY, "true");
        String message = SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        DecisionLog log = DecisionLog.read(LOG);
        DecisionLog shrunk = DecisionLog.read(shrunkFile);
        assertTrue(shrunk.size() < log.size() && shrunk.contextSwitches() < log.contextSwitches(), shrunk.toString());
        assertTrue(message.contains("lost update"), message);
        assertTrue(message.contains("\nshrunk the decision log of seed "), message);
        assertTrue(message.contains("  decisions " + log.size() + " -> " + shrunk.size()), message);
        assertTrue(message.contains("\nshrunk decision log: " + shrunkFile), message);
    }

    @Test
    void aKeptLogFailsUntilTheBugIsFixed() throws Exception {
        Files.deleteIfExists(LOG);
        SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        Files.copy(LOG, KEPT, StandardCopyOption.REPLACE_EXISTING);
        String message = SampleRun.of(Samples.class, "keptFailure").failureMessage();
        assertTrue(message.contains("lost update"), message);
        fixed = true;
        SampleRun passing = SampleRun.of(Samples.class, "keptFailure");
        assertTrue(passing.passed(), passing.log());
    }
}
