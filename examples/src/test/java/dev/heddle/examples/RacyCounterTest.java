package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The simulator finds the demo's lost update, and the rerun command it prints, run as printed,
 * replays the very same run. The racy counter is wrong on purpose, so its rerun story is the
 * demo's {@code ./heddle demo racy-counter --seed 0x…}, not a failing {@code @SimTest}.
 */
class RacyCounterTest {
    private static final String PROGRAM = "racy-counter";
    private static final SimBody RACY = ExamplePrograms.all().get(PROGRAM);

    @Test
    void randomFindsTheLostUpdateWithin100SeedsAndThePrintedRerunCommandReplaysIt() {
        SimulationFailure first = ProgramSweep.run(PROGRAM, RACY, 100).firstFailure();
        assertNotNull(first, "RANDOM must find the lost update within 100 seeds");
        assertEquals(FailureKind.TASK_FAILED, first.kind());
        String seed = Simulation.hex(first.seed());
        assertTrue(first.getMessage().startsWith("seed=" + seed + " TASK_FAILED: "), first.getMessage());
        assertTrue(first.getMessage().contains("increments counted by the racy counter: expected 4 but was "),
                first.getMessage());
        String command = "./heddle demo racy-counter --seed " + seed;
        assertEquals(command, first.rerunCommand());
        assertTrue(first.getMessage().endsWith("\nrerun: " + command), first.getMessage());
        System.out.println("racy-counter: first failing seed " + seed + ", replay it with: " + command);

        // What ./heddle does with that command line: Demo's main with the words after "demo".
        String[] words = command.split(" ");
        assertEquals("./heddle demo", words[0] + " " + words[1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Demo.run(Arrays.copyOfRange(words, 2, words.length),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(1, code, "the replayed seed fails");
        String replay = out.toString(StandardCharsets.UTF_8);
        assertTrue(replay.startsWith("racy-counter failed, trace hash " + Long.toHexString(first.traceHash()) + ":\n"),
                "the rerun is the same run, event for event: " + replay);
        assertEquals(first.getMessage(), replay.substring(replay.indexOf('\n') + 1).strip());
    }

    @Test
    void fifoLosesAnUpdateOnEverySeedBecauseBothTasksReadBeforeEitherWrites() {
        for (long seed = 0; seed < 20; seed++) {
            Simulation.ofSeed(seed).strategy(Strategy.FIFO).run(sim ->
                    assertEquals(1, Counter.incrementConcurrently(new RacyCounter(), 2),
                            "FIFO interleaves at the yield: both read 0"));
        }
    }
}
