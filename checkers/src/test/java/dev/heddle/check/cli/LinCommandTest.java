package dev.heddle.check.cli;

import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinCommandTest {
    private static final String OK = "src/test/resources/histories/etcd_ok.log";
    private static final String BAD = "src/test/resources/histories/etcd_bad.log";

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LinCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneLinePerFileAndExitsByTheWorstVerdict() {
        Run ok = run("--model", "cas-register", OK);
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().matches(Pattern.quote(OK) + " LINEARIZABLE \\d+\\.\\d ms\\R"), ok.out());

        Run both = run("--model", "cas-register", "--timeout", "10s", OK, BAD);
        assertEquals(1, both.exit());
        String[] lines = both.out().split("\\R");
        assertEquals(2, lines.length, both.out());
        assertTrue(lines[1].startsWith(BAD + " NOT_LINEARIZABLE "), lines[1]);
    }

    @Test
    void explainAndReportSayWhy(@TempDir Path dir) throws Exception {
        Run run = run("--model", "cas-register", "--explain", "--report", dir.toString(), BAD);
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("impossible in state"), run.out());
        assertTrue(Files.readString(dir.resolve("etcd_bad.log.html")).contains("NOT_LINEARIZABLE"));
    }

    @Test
    void aTimeoutGivesUnknownAndExitCodeTwo(@TempDir Path dir) throws Exception {
        // Thirty concurrent writes of repeated values, then writes of 5 and 6 and a read of the
        // stale 5: no fast path applies (values repeat, 5 was written before the read), and the
        // search must refute 2^30 subsets of writes.
        StringBuilder lines = new StringBuilder();
        for (int client = 0; client < 30; client++) {
            lines.append("{\"client\":").append(client).append(",\"f\":\"write\",\"input\":").append(client % 2)
                    .append(",\"call\":0,\"return\":100,\"status\":\"ok\"}\n");
        }
        lines.append("{\"client\":30,\"f\":\"write\",\"input\":5,\"call\":101,\"return\":102,\"status\":\"ok\"}\n");
        lines.append("{\"client\":30,\"f\":\"write\",\"input\":6,\"call\":103,\"return\":104,\"status\":\"ok\"}\n");
        lines.append("{\"client\":30,\"f\":\"read\",\"output\":5,\"call\":105,\"return\":106,\"status\":\"ok\"}\n");
        Path slow = dir.resolve("slow.jsonl");
        Files.writeString(slow, lines);
        Run run = run("--model", "cas-register", "--timeout", "200ms", slow.toString(), OK);
        assertEquals(2, run.exit(), run.out() + run.err());
        String[] printed = run.out().split("\\R");
        assertTrue(printed[0].matches(Pattern.quote(slow.toString()) + " UNKNOWN \\d+\\.\\d ms"), run.out());
        assertTrue(printed[1].startsWith(OK + " LINEARIZABLE "), run.out());
        // An illegal file still wins over an unknown one.
        assertEquals(1, run("--model", "cas-register", "--timeout", "200ms", slow.toString(), BAD).exit());
    }

    @Test
    void badInputExitsWithTwoAndSaysWhere(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"client\":0,\"f\":\"read\",\"call\":0,\"return\":1,\"status\":\"ok\"}\n{oops}\n");
        Run run = run("--model", "register", broken.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(broken + ":2: expected"), run.err());

        Run missing = run("--model", "register", dir.resolve("nope.log").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Run noModel = run(OK);
        assertEquals(2, noModel.exit());
        assertTrue(noModel.err().contains("--model is required"), noModel.err());

        Run wrongModel = run("--model", "regster", OK);
        assertEquals(2, wrongModel.exit());
        assertTrue(wrongModel.err().contains("the models are: register, cas-register"), wrongModel.err());

        Run wrongOperation = run("--model", "queue", OK);
        assertEquals(2, wrongOperation.exit());
        assertTrue(wrongOperation.err().contains("enqueue, dequeue"), wrongOperation.err());
    }

    @Test
    void usageErrorsExitWithTwoNamingTheBadValue() {
        String hint = "\n(./heddle lin --help shows the usage)\n";
        String options = "; the options are --model MODEL, --timeout D, --explain, --report DIR, -h, --help";
        assertEquals(new Run(2, "", "heddle lin: unknown option '--bogus'" + options + hint),
                run("--model", "register", "--bogus", OK));
        assertEquals(new Run(2, "", "heddle lin: unknown option '-v'" + options + hint), run("-v", OK));
        assertEquals(new Run(2, "", "heddle lin: no history files given" + hint), run("--model", "register"));
        assertEquals(new Run(2, "", "heddle lin: --timeout needs a value" + hint), run("--model", "register", "--timeout"));
        assertEquals(new Run(2, "", "heddle lin: --timeout 'soon' is not a duration; write e.g. 500ms, 10s, 2m or PT10S"
                + hint), run("--model", "register", "--timeout", "soon", OK));
    }

    @Test
    void helpPrintsEveryOptionAndModelWhateverElseIsThere() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertEquals("", help.err());
        assertEquals(LinCommand.USAGE, help.out());
        assertTrue(help.out().startsWith("usage: ./heddle lin --model MODEL [--timeout D] [--explain] [--report DIR]"
                + " FILE...\n"), help.out());
        for (String option : List.of("--model MODEL", "--timeout D", "--explain", "--report DIR", "-h, --help")) {
            assertTrue(help.out().contains("\n  " + option + " "), option + " is missing:\n" + help.out());
        }
        assertTrue(help.out().contains("one of: " + String.join(", ", Models.names()) + "\n"), help.out());
        assertEquals(help, run("--bogus", "-h"));
    }

    @Test
    void durationsInCommonUnits() {
        assertEquals(Duration.ofMillis(500), LinCommand.duration("500ms"));
        assertEquals(Duration.ofSeconds(10), LinCommand.duration("10s"));
        assertEquals(Duration.ofSeconds(3), LinCommand.duration("3"));
        assertEquals(Duration.ofMinutes(2), LinCommand.duration("2m"));
        assertEquals(Duration.ofSeconds(10), LinCommand.duration("PT10S"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinCommand.duration("soon"));
        assertTrue(e.getMessage().contains("'soon'"));
        assertThrows(IllegalArgumentException.class, () -> LinCommand.duration("0s"));
    }
}
