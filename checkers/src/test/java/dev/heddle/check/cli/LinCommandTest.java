package dev.heddle.check.cli;

import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
        return runWithInput(new byte[0], args);
    }

    private static Run runWithInput(byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LinCommand.run(args, new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Bad input: exit code 2, nothing on stdout, and exactly {@code line} on stderr, no stack and no usage hint. */
    private static void assertBadInput(String line, Run run) {
        assertEquals(new Run(2, "", line + "\n"), run);
    }

    private static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    @Test
    void valuesNestedThousandsDeepAreRejectedInOneLine(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("deep.jsonl");
        Files.writeString(json, "{\"client\":0,\"f\":\"write\",\"input\":" + nested("[", "1", "]", 5000)
                + ",\"call\":0,\"return\":1,\"status\":\"ok\"}\n");
        // The line's object is level 1 and its input's first '[' (column 33) level 2: level 101 opens 99 columns later.
        assertBadInput("heddle lin: " + json + ":1: values nested more than 100 levels deep (level 101 opens at column"
                + " 132); a history's values nest a few levels at most", run("--model", "register", json.toString()));

        Path maps = dir.resolve("maps.jsonl");
        Files.writeString(maps, nested("{\"a\":", "1", "}", 2000) + "\n");
        Run deepMaps = run("--model", "register", maps.toString());
        assertEquals(2, deepMaps.exit());
        assertTrue(deepMaps.err().matches("heddle lin: .*maps.jsonl:1: values nested more than 100 levels deep .*\\R"),
                deepMaps.err());

        Path edn = dir.resolve("deep.edn");
        Files.writeString(edn, "{:process 0, :type :invoke, :f :write, :value " + nested("[", "1", "]", 1000)
                + "}\n" + "{:process 0, :type :ok, :f :write, :value " + nested("{:a ", "1", "}", 1000) + "}\n");
        assertBadInput("heddle lin: " + edn + ":1: values nested more than 100 levels deep (level 101 opens at column"
                + " 146); a history's values nest a few levels at most", run("--model", "register", edn.toString()));

        Path tags = dir.resolve("tags.edn");
        Files.writeString(tags, "{:process 0, :type :invoke, :f :write, :value " + "#t ".repeat(5000) + "1}\n");
        assertBadInput("heddle lin: " + tags + ":1: values nested more than 100 levels deep (level 101 opens at column"
                + " 344); a history's values nest a few levels at most", run("--model", "register", tags.toString()));
    }

    @Test
    void integersTooLargeForALongAreNamed(@TempDir Path dir) throws Exception {
        String range = " is too large for a long (64 bits): integers in a history must lie between"
                + " -9223372036854775808 and 9223372036854775807";
        Path json = dir.resolve("big.jsonl");
        Files.writeString(json, "{\"client\":0,\"f\":\"write\",\"input\":99999999999999999999,\"call\":0,"
                + "\"return\":1,\"status\":\"ok\"}\n");
        assertBadInput("heddle lin: " + json + ":1: integer 99999999999999999999" + range + " (column 33)",
                run("--model", "register", json.toString()));

        Path edn = dir.resolve("big.edn");
        Files.writeString(edn, "{:process 0, :type :invoke, :f :write, :value -99999999999999999999N}\n");
        assertBadInput("heddle lin: " + edn + ":1: integer -99999999999999999999" + range + " (column 47)",
                run("--model", "register", edn.toString()));

        Path log = dir.resolve("big.log");
        Files.writeString(log, "INFO  jepsen.util - 0\t:invoke\t:cas\t[1 18446744073709551616]\n");
        assertBadInput("heddle lin: " + log + ":1: integer 18446744073709551616" + range,
                run("--model", "cas-register", log.toString()));
    }

    @Test
    void aFileThatIsNotUtf8SaysWhichByte(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.jsonl");
        String first = "{\"client\":0,\"f\":\"read\",\"call\":0,\"return\":1,\"status\":\"ok\"}\n";
        String second = "{\"client\":0,\"f\":\"write\",\"input\":\"caf\u00e9\",\"call\":2,\"return\":3,"
                + "\"status\":\"ok\"}\n";
        Files.write(latin1, (first + second).getBytes(StandardCharsets.ISO_8859_1));
        int offset = first.length() + second.indexOf('\u00e9');
        assertBadInput("heddle lin: " + latin1 + ":2: not UTF-8 text: byte 0xe9 at offset " + offset
                + " is not valid UTF-8; save the history as UTF-8", run("--model", "register", latin1.toString()));
    }

    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path dir) throws Exception {
        Path marked = dir.resolve("marked.log");
        byte[] ok = Files.readAllBytes(Path.of(OK));
        byte[] bytes = new byte[ok.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(ok, 0, bytes, 3, ok.length);
        Files.write(marked, bytes);
        Run run = run("--model", "cas-register", marked.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith(marked + " LINEARIZABLE "), run.out());
    }

    @Test
    void anEmptyHistoryWarnsAndIsLinearizable(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n");
        Run run = run("--model", "kv", empty.toString());
        assertEquals(0, run.exit());
        assertEquals("heddle lin: " + empty + ": warning: the history has no operations, so it is trivially"
                + " linearizable\n", run.err());
        assertTrue(run.out().matches(Pattern.quote(empty.toString()) + " LINEARIZABLE \\d+\\.\\d ms\\R"), run.out());
    }

    @Test
    void aMissingFileWinsOverANonLinearizableOneAndNothingIsChecked(@TempDir Path dir) {
        Path missing = dir.resolve("nope.log");
        assertBadInput("heddle lin: " + missing + ": no such file",
                run("--model", "cas-register", BAD, missing.toString()));
        assertBadInput("heddle lin: nope.log: no such file (looked in " + Path.of("").toAbsolutePath() + ")",
                run("--model", "cas-register", "nope.log", BAD));
    }

    @Test
    void aBadFileWinsOverANonLinearizableOne(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"client\":0,\"f\":\"read\",\"call\":0,\"return\":1,\"status\":\"ok\"}\n{oops}\n");
        Run run = run("--model", "cas-register", BAD, broken.toString());
        assertEquals(2, run.exit());
        assertTrue(run.out().startsWith(BAD + " NOT_LINEARIZABLE "), run.out());
        assertEquals("heddle lin: " + broken + ":2: expected a field name in double quotes at column 2\n", run.err());
    }

    @Test
    void aDashReadsStandardInput() throws Exception {
        byte[] bad = Files.readAllBytes(Path.of(BAD));
        Run run = runWithInput(bad, "--model", "cas-register", OK, "-");
        assertEquals(1, run.exit(), run.err());
        String[] lines = run.out().split("\\R");
        assertTrue(lines[1].startsWith("stdin NOT_LINEARIZABLE "), run.out());
        assertEquals(new Run(2, "", "heddle lin: - (standard input) is given twice; it can be read once\n"
                + "(./heddle lin --help shows the usage)\n"), run("--model", "register", "-", "-"));
        Run garbage = runWithInput("nonsense\n".getBytes(StandardCharsets.UTF_8), "--model", "register", "-");
        assertEquals(2, garbage.exit());
        assertTrue(garbage.err().startsWith("heddle lin: stdin:1: not a history"), garbage.err());
    }

    @Test
    void aDirectoryMeansItsHistoryFilesCheckedInParallelAndPrintedByPath(@TempDir Path dir) throws Exception {
        // More files than cores, written out of order, so that the pool's order of completion is not the printed one.
        for (int i = 7; i >= 0; i--) {
            Files.copy(Path.of(OK), dir.resolve("ok" + i + ".log"));
        }
        Files.copy(Path.of(BAD), dir.resolve("bad.log"));
        Files.writeString(dir.resolve("notes.md"), "not a history, and not read\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(Path.of(BAD), dir.resolve("sub/deeper.log"));
        Run run = run("--model", "cas-register", dir.toString(), OK);
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.err());
        String[] lines = run.out().split("\\R");
        assertEquals(10, lines.length, run.out());
        assertTrue(lines[0].matches(Pattern.quote(dir.resolve("bad.log").toString()) + " NOT_LINEARIZABLE \\d+\\.\\d ms"),
                run.out());
        for (int i = 0; i < 8; i++) {
            assertTrue(lines[i + 1].matches(Pattern.quote(dir.resolve("ok" + i + ".log").toString())
                    + " LINEARIZABLE \\d+\\.\\d ms"), run.out());
        }
        assertTrue(lines[9].startsWith(OK + " LINEARIZABLE "), run.out());
    }

    @Test
    void aDirectoryWithoutHistoryFilesIsBadInputAndNothingIsChecked(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String none = ": no history files in this directory (looked for .jsonl, .json, .edn, .log, .txt)";
        assertBadInput("heddle lin: " + empty + none, run("--model", "cas-register", BAD, empty.toString()));
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("README.md"), "# not a history\n");
        Files.copy(Path.of(OK), Files.createDirectories(notes.resolve("sub")).resolve("ok.log"));
        assertBadInput("heddle lin: " + notes + none, run("--model", "cas-register", notes.toString()));
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
        assertTrue(run.out().endsWith("\n  report: " + dir.toAbsolutePath().resolve("etcd_bad.log.html") + "\n"),
                run.out());
    }

    @Test
    void aTimeoutGivesUnknownAndExitCodeTwo(@TempDir Path dir) throws Exception {
        // Thirty concurrent writes: the search would refute 2^30 subsets.
        Path slow = dir.resolve("slow.jsonl");
        Files.writeString(slow, staleReadAfterConcurrentWrites(30));
        Run run = run("--model", "cas-register", "--timeout", "200ms", slow.toString(), OK);
        assertEquals(2, run.exit(), run.out() + run.err());
        String[] printed = run.out().split("\\R");
        assertTrue(printed[0].matches(Pattern.quote(slow.toString()) + " UNKNOWN \\d+\\.\\d ms"
                + Pattern.quote(" (timed out: the --timeout budget of 200ms ran out;"
                + " a longer --timeout may decide it)")),
                run.out());
        assertTrue(printed[1].startsWith(OK + " LINEARIZABLE "), run.out());
        // An illegal file still wins over an unknown one.
        assertEquals(1, run("--model", "cas-register", "--timeout", "200ms", slow.toString(), BAD).exit());
    }

    /**
     * Writes that stop a history being decided fast: {@code writers} concurrent writes of
     * repeated values, then writes of 5 and 6 and a read of the stale 5; no fast path applies
     * (values repeat, 5 was written before the read), and the search must refute 2^writers subsets.
     * Their intervals nest, so that no two writes of a value are twins the search may order.
     */
    private static String staleReadAfterConcurrentWrites(int writers) {
        StringBuilder lines = new StringBuilder();
        for (int client = 0; client < writers; client++) {
            lines.append("{\"client\":").append(client).append(",\"f\":\"write\",\"input\":").append(client % 2)
                    .append(",\"call\":").append(client).append(",\"return\":").append(100 - client)
                    .append(",\"status\":\"ok\"}\n");
        }
        String last = "{\"client\":" + writers + ",";
        lines.append(last).append("\"f\":\"write\",\"input\":5,\"call\":101,\"return\":102,\"status\":\"ok\"}\n");
        lines.append(last).append("\"f\":\"write\",\"input\":6,\"call\":103,\"return\":104,\"status\":\"ok\"}\n");
        lines.append(last).append("\"f\":\"read\",\"output\":5,\"call\":105,\"return\":106,\"status\":\"ok\"}\n");
        return lines.toString();
    }

    @Test
    void aLongCheckWithoutTimeoutReportsProgressOnStderrOnly(@TempDir Path dir) throws Exception {
        // Progress is due at once and looked for every millisecond: a search of 2^12 subsets of writes
        // outlasts the first tick by far, whatever the machine's speed, so there is a line or more.
        Path slow = dir.resolve("slow.jsonl");
        Files.writeString(slow, staleReadAfterConcurrentWrites(12));
        ProgressReporter.Schedule often = new ProgressReporter.Schedule(Duration.ZERO, Duration.ZERO,
                Duration.ofMillis(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LinCommand.run(new String[] {"--model", "cas-register", slow.toString()},
                InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), often);
        assertEquals(1, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8)
                .matches(Pattern.quote(slow.toString()) + " NOT_LINEARIZABLE \\d+\\.\\d ms\\R"), out.toString());
        String[] progress = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertTrue(progress.length >= 1 && !progress[0].isEmpty(), "no progress line");
        for (String line : progress) {
            assertTrue(line.matches(Pattern.quote("heddle lin: " + slow + ": still checking after ")
                    + "\\d+\\.\\d s: [\\d,]+ search steps, [\\d,]+ configurations cached,"
                    + " at most \\d+ of 15 operations linearized at once"), line);
        }

        // With a --timeout the check ends in time: no progress, whatever the schedule.
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        exit = LinCommand.run(new String[] {"--model", "cas-register", "--timeout", "1m", slow.toString()},
                InputStream.nullInputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(quiet, true, StandardCharsets.UTF_8), often);
        assertEquals(1, exit);
        assertEquals("", quiet.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badInputExitsWithTwoAndSaysWhere(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"client\":0,\"f\":\"read\",\"call\":0,\"return\":1,\"status\":\"ok\"}\n{oops}\n");
        Run run = run("--model", "register", broken.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(broken + ":2: expected"), run.err());


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
