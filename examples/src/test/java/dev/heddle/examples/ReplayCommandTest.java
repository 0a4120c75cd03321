package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.SimulationFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ./heddle demo racy-counter --seed S} writes the failing seed's decision log and names it;
 * {@code ./heddle replay FILE} replays it to the same failure, and {@code --shrink} writes a
 * shrunk log with fewer decisions and context switches, which replays to the same failure too.
 */
class ReplayCommandTest {
    private static final Path LOG = Path.of("target", "heddle", "demo", "racy-counter.decisions");

    private record Output(int code, String out, String err) {}

    private static Output run(boolean demo, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = demo ? Demo.run(args, o, e) : ReplayCommand.run(args, o, e);
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDemosFailingSeedLeavesALogThatReplaysAndShrinks() throws Exception {
        SimulationFailure first = ProgramSweep.run("racy-counter", ExamplePrograms.all().get("racy-counter"), 100)
                .firstFailure();
        Files.deleteIfExists(LOG);
        Output demo = run(true, "racy-counter", "--seed", dev.heddle.sim.Simulation.hex(first.seed()));
        assertEquals(1, demo.code());
        assertTrue(demo.err().contains("decision log: " + LOG + " ("), demo.err());
        DecisionLog log = DecisionLog.read(LOG);
        assertEquals("racy-counter", log.property("program").orElseThrow());

        Output replay = run(false, LOG.toString());
        assertEquals(1, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().startsWith("racy-counter failed when " + LOG + " was replayed"), replay.out());
        assertTrue(replay.out().contains(first.getMessage().lines().findFirst().orElseThrow()), replay.out());
        assertTrue(replay.out().strip().endsWith("rerun: ./heddle replay " + LOG), replay.out());

        Path shrunkFile = ReplayCommand.shrunkFile(LOG);
        Files.deleteIfExists(shrunkFile);
        Output shrink = run(false, "--shrink", "--max-replays", "100", LOG.toString());
        assertEquals(1, shrink.code(), shrink.out() + shrink.err());
        System.out.println(shrink.out().substring(shrink.out().indexOf("shrunk the decision log")));
        DecisionLog shrunk = DecisionLog.read(shrunkFile);
        assertTrue(shrunk.size() < log.size() && shrunk.contextSwitches() <= log.contextSwitches(), shrunk.toString());
        assertTrue(shrink.out().contains("  decisions " + log.size() + " -> " + shrunk.size()), shrink.out());

        Output again = run(false, shrunkFile.toString());
        assertEquals(1, again.code(), again.out());
        assertTrue(again.out().contains("increments counted by the racy counter: expected 4 but was "), again.out());
    }

    /**
     * A log of the store ({@code ./heddle demo raft+lost-update --seed 0x0} writes one) shrinks as
     * the demo shrinks it, each replay bounded to twice the recorded run's steps: unbounded, a
     * replay with fewer decisions lets the clients run thousands of operations, and a shrink takes
     * minutes.
     */
    @Test
    void aStoresLogShrinksWithReplaysOfAtMostTwiceItsSteps() {
        Path file = Path.of("target", "heddle", "demo", "raft+lost-update.decisions");
        Output demo = run(true, "raft+lost-update", "--seed", "0x0");
        assertEquals(1, demo.code(), demo.out());
        assertTrue(demo.err().contains("decision log: " + file + " ("), demo.err());
        DecisionLog recorded = DecisionLog.read(file);

        Output shrink = run(false, "--shrink", "--max-replays", "30", file.toString());
        assertEquals(1, shrink.code(), shrink.out() + shrink.err());
        DecisionLog shrunk = DecisionLog.read(ReplayCommand.shrunkFile(file));
        assertTrue(shrunk.size() < recorded.size(), shrunk + " is no smaller than " + recorded);
        assertTrue(shrunk.steps() <= 2 * recorded.steps(), shrunk + " took more than twice the steps of " + recorded);
        assertTrue(shrink.out().contains("invariant") || shrink.out().contains("always("), shrink.out());
    }

    @Test
    void aFileThatIsNoDecisionLogIsBadInput() throws Exception {
        Path notALog = Files.createTempFile("not-a-log", ".decisions");
        Files.writeString(notALog, "hello\n");
        Output r = run(false, notALog.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("heddle replay: " + notALog + " is not a decision log"), r.err());
    }
}
