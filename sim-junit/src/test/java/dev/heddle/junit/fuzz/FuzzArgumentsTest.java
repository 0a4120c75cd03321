package dev.heddle.junit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in the fuzz runner's arguments is one line on standard error and exit code 2, before any fork. */
class FuzzArgumentsTest {
    private static final String CANARY = FuzzCanary.class.getName();

    @TempDir
    Path dir;

    @Test
    void eachBadArgumentIsOneClearLineAndExitCode2() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of(), "no tests named");
        cases.put(List.of("--canary"), "say how long to fuzz: --seeds N");
        cases.put(List.of("--canary", "--seeds", "10", "--duration", "1m"), "give --seeds or --duration, not both");
        cases.put(List.of("--canary", "--seeds", "ten"), "--seeds must be a whole number from 1 up, was 'ten'");
        cases.put(List.of("--canary", "--seeds", "0"), "--seeds must be a whole number from 1 up, was '0'");
        cases.put(List.of("--canary", "--duration", "soon"), "--duration must be a duration above zero");
        cases.put(List.of("--canary", "--seeds", "1", "--jobs", "0"), "--jobs must be a whole number from 1 to 1024");
        cases.put(List.of("--canary", "--seeds", "1", "--shard", "2/2"), "--shard must be I/N with 0 <= I < N");
        cases.put(List.of("--canary", "--seeds", "1", "--shard", "one"), "--shard must be I/N with 0 <= I < N");
        cases.put(List.of("--canary", "--seeds", "1", "--strategy", "fifo"),
                "--strategy must be random, pct or portfolio, was 'fifo'");
        cases.put(List.of("--canary", "--seeds", "1", "--hang-after", "0s"), "--hang-after must be a duration above");
        cases.put(List.of("--canary", "--seeds", "1", "--determinism-sample", "150%"),
                "--determinism-sample must be a share of the seeds");
        cases.put(List.of("--canary", "--seeds", "1", "--first-seed", "random", "--shard", "0/2"),
                "--first-seed random would give each shard seeds of its own");
        cases.put(List.of("--canary", "--seeds", "1", "--first-seed", "0xzz"), "--first-seed must be a seed");
        cases.put(List.of("--canary", "--seeds", "1", "--bogus"), "unknown option '--bogus'; the options are --tests");
        cases.put(List.of("--canary", "--seeds"), "--seeds needs a value");
        cases.put(List.of("--canary", "--seeds", "1", "stray"), "unexpected argument 'stray'");
        cases.put(List.of("--tests", "com.example.NoSuchTest", "--seeds", "1"),
                "no class com.example.NoSuchTest on the test classpath");
        cases.put(List.of("--tests", "not a class", "--seeds", "1"), "--tests takes CLASS or CLASS#METHOD");
        cases.put(List.of("--tests", FuzzArgumentsTest.class.getName(), "--seeds", "1"),
                FuzzArgumentsTest.class.getName() + " has no @SimTest methods");
        cases.put(List.of("--tests", CANARY + "#nope", "--seeds", "1"), CANARY + " has no @SimTest method named 'nope'");
        cases.put(List.of("--canary", "--seeds", "1", "--classpath", "x"), "--classpath is the heddle script's");
        cases.put(List.of("merge"), "merge needs the shards' output folders");
        cases.put(List.of("merge", dir.resolve("empty").toString()), "no summary.json in this folder");
        cases.put(List.of("merge", "--frob", "x"), "unknown option '--frob' for merge");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            FuzzRunner run = FuzzRunner.fuzz(c.getKey().toArray(String[]::new));
            String what = String.join(" ", c.getKey()) + " -> " + run.err();
            assertEquals(2, run.code(), what);
            assertEquals("", run.out(), what);
            assertEquals(1, run.err().lines().count(), what);
            assertTrue(run.err().startsWith("heddle fuzz: ") && run.err().contains(c.getValue()), what);
            assertTrue(run.err().endsWith(" (./heddle fuzz --help shows the usage)\n"), what);
        }
    }

    @Test
    void helpPrintsTheUsage() {
        FuzzRunner run = FuzzRunner.fuzz("--seeds", "x", "-h");
        assertEquals(new FuzzRunner(0, FuzzCommand.USAGE, ""), run);
    }
}
