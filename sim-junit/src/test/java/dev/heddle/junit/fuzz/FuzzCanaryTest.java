package dev.heddle.junit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.heddle.sim.SimulationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The canary end to end: the fuzz runner finds its lost update, writes a folder per failing seed,
 * groups the seeds as one signature, names the strategy that found each, and the folder's rerun
 * command, run as Maven would run it (the method it names, with its system properties), fails
 * the same way.
 */
class FuzzCanaryTest {
    private static final Pattern TEST = Pattern.compile("-Dtest='(\\w+)#(\\w+)'");
    private static final Pattern PROPERTY = Pattern.compile(" -D(heddle\\.\\w+)=(\\S+)");
    private final List<String> set = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        set.forEach(System::clearProperty);
    }

    @Test
    void theCanaryIsCaughtAndItsFolderRerunsTheSameFailure() throws Exception {
        Path out = dir.resolve("out");
        FuzzRunner run = FuzzRunner.fuzz("--canary", "--seeds", "12", "--jobs", "1", "--out", out.toString());
        assertEquals(0, run.code(), "only the canary failed, which the run expects:\n" + run.out() + run.err());
        assertTrue(run.out().contains("canary: caught ("), run.out());

        FuzzSummary summary = FuzzSummary.read(out);
        assertEquals(12, summary.seeds());
        List<FuzzFailure> failures = summary.failures();
        assertFalse(failures.isEmpty());
        assertEquals(1, summary.groups().size(), "every seed loses an update in the same line: one signature");
        assertTrue(summary.groups().getFirst().signature().startsWith("java.lang.AssertionError at "
                + FuzzCanary.class.getName() + ".incrementsAreNotLost:"), summary.groups().getFirst().signature());
        assertTrue(failures.stream().map(FuzzFailure::strategy).distinct().count() > 1,
                "the portfolio's strategies each found the bug: " + failures);
        assertTrue(failures.stream().allMatch(f -> f.strategy().matches("(RANDOM|PCT depth [123])( \\+ spurious"
                + " wake-ups)?")), failures.toString());
        assertTrue(Files.readString(out.resolve(JunitXmlReport.FILE)).contains("name=\"incrementsAreNotLost\""));

        // Each folder has the run's decision log, trace and timeline; the signature's first, a shrunk log too.
        Path first = out.resolve(failures.getFirst().folder());
        for (FuzzFailure each : failures) {
            Path folder = out.resolve(each.folder());
            for (String file : List.of(FailureFolder.DECISIONS, "trace.jsonl", "timeline.html")) {
                assertTrue(Files.size(folder.resolve(file)) > 0, folder.resolve(file) + " is missing or empty");
            }
            assertEquals(folder.equals(first), Files.exists(folder.resolve("run.shrunk.decisions")),
                    "one shrink per signature and fork, of its first failure: " + folder);
        }
        String shrunk = Files.readString(first.resolve("shrunk.txt"));
        assertTrue(shrunk.contains("shrunk the decision log of seed " + failures.getFirst().seed()), shrunk);
        assertTrue(shrunk.contains("failing as before"), shrunk);
        assertTrue(Files.readString(first.resolve("timeline.html")).contains("<html"), "a page");

        // The last failure: a seed well into the range, after restarts.
        FuzzFailure failure = failures.getLast();
        Path folder = out.resolve(failure.folder());
        assertEquals(failure.seed() + "\n", Files.readString(folder.resolve("seed")));
        String rerun = Files.readString(folder.resolve("rerun")).strip();
        String report = Files.readString(folder.resolve("report.txt"));
        assertTrue(report.contains("strategy: " + failure.strategy() + "\n"), report);
        assertTrue(rerun.contains("-Dheddle.seed=" + failure.seed()), rerun);

        Matcher test = TEST.matcher(rerun);
        assertTrue(test.find(), rerun);
        assertEquals(FuzzCanary.class.getSimpleName(), test.group(1));
        Matcher property = PROPERTY.matcher(rerun);
        while (property.find()) {
            System.setProperty(property.group(1), property.group(2));
            set.add(property.group(1));
        }
        Throwable[] thrown = new Throwable[1];
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(FuzzCanary.class.getName() + "#" + test.group(2) + "(dev.heddle.sim.Sim)"))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        result.getThrowable().ifPresent(t -> thrown[0] = t);
                    }
                });
        assertNotNull(thrown[0], "the rerun of " + failure.seed() + " failed");
        SimulationFailure again = assertInstanceOf(SimulationFailure.class, thrown[0]);
        assertEquals(failure.seed(), dev.heddle.sim.Simulation.hex(again.seed()));
        assertTrue(withoutFiles(report).contains(withoutFiles(again.getMessage())), "the same failure, schedule and"
                + " all:\n" + again.getMessage() + "\n---\n" + report);
    }

    /** {@code report} less the lines naming the files a run wrote (its trace, its decision log), which differ by folder. */
    private static String withoutFiles(String report) {
        return report.replaceAll("(?m)^(trace|decision log): .*\\R", "");
    }
}
