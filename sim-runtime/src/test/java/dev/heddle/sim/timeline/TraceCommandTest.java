package dev.heddle.sim.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./heddle trace}'s main: the page it writes, and one line and exit code 2 for every bad input. */
class TraceCommandTest {
    private record Output(int code, String out, String err) {}

    private static Output trace(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TraceCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesOneSelfContainedPageWithTheTraceInIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.trace.jsonl");
        Simulation.ofSeed(5).recordTrace(file).run(TraceRecordingTest.TWO_WORKERS);
        Path html = dir.resolve("run.html");
        Output written = trace(file.toString(), "--html", html.toString());
        assertEquals(0, written.code(), written.err());
        assertTrue(written.out().matches(Pattern.quote(html.toString()) + ": \\d+ events, from .*\n"), written.out());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 100));
        assertTrue(page.contains("<title>Heddle trace: seed 0x5, run.trace.jsonl</title>"));
        assertTrue(page.contains("{\"e\":\"spawn\",\"i\":0,"), "the trace's lines are in the page");
        // Nothing is fetched: no external scripts, styles, images or fonts, no URL but the SVG namespace.
        assertFalse(Pattern.compile("<(script|link|img|iframe)[^>]*(src|href)=").matcher(page).find());
        Matcher urls = Pattern.compile("https?://[^\"' )]+").matcher(page);
        while (urls.find()) {
            assertEquals("http://www.w3.org/2000/svg", urls.group());
        }
        assertFalse(page.contains("/*TRACE*/"));

        // A run killed before its end left a trace without run_end: drawn, and said to be unfinished.
        Path unfinished = Files.writeString(dir.resolve("killed.jsonl"), "{\"format\":\"heddle-trace\",\"version\":1}\n"
                + "{\"e\":\"spawn\",\"i\":0,\"t\":0,\"task\":1,\"name\":\"main#1\"}\n"
                + "{\"e\":\"site\",\"i\":2,\"t\":0,\"step\":1,\"task\":1,\"at\":\"and ended\"}\n"
                + "{\"e\":\"step\",\"i\":1,\"t\":0,\"task\":1,\"step\":1}\n");
        assertEquals(new Output(0, html + ": 2 events (the run did not end), from " + unfinished + "\n", ""),
                trace(unfinished.toString(), "--html", html.toString()));
    }

    @Test
    void usageAndBadInputAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Output help = trace("--help");
        assertEquals(new Output(0, TraceCommand.USAGE, ""), help);
        assertEquals(help, trace("x.jsonl", "-h"));
        String hint = "(./heddle trace --help shows the usage)\n";
        assertEquals(new Output(2, "", "heddle trace: no trace file given\n" + hint), trace());
        assertEquals(new Output(2, "", "heddle trace: --html OUT is required: the page to write\n" + hint),
                trace("a.jsonl"));
        assertEquals(new Output(2, "", "heddle trace: --html needs a value\n" + hint), trace("a.jsonl", "--html"));
        assertEquals(new Output(2, "", "heddle trace: unknown option '--png'; the options are --html OUT, -h, --help\n"
                + hint), trace("a.jsonl", "--png", "x"));
        assertEquals(new Output(2, "", "heddle trace: two trace files named, 'a.jsonl' and 'b.jsonl'; draw one at a"
                + " time\n" + hint), trace("a.jsonl", "b.jsonl", "--html", "x.html"));

        Path html = dir.resolve("out.html");
        Path missing = dir.resolve("nope.jsonl");
        assertEquals(new Output(2, "", "heddle trace: " + missing + ": no such file\n"),
                trace(missing.toString(), "--html", html.toString()));
        Path notATrace = Files.writeString(dir.resolve("history.jsonl"), "{\"process\":0,\"type\":\"invoke\"}\n");
        assertEquals(new Output(2, "", "heddle trace: " + notATrace + ": not a Heddle trace file (its first line is not"
                + " {\"format\":\"heddle-trace\",...}); write one with -Dheddle.trace=FILE\n"),
                trace(notATrace.toString(), "--html", html.toString()));
        Path newer = Files.writeString(dir.resolve("v9.jsonl"), "{\"format\":\"heddle-trace\",\"version\":9}\n");
        assertEquals(new Output(2, "", "heddle trace: " + newer + ": trace format version 9, and this Heddle reads"
                + " version 1; draw it with the Heddle that wrote it\n"), trace(newer.toString(), "--html", html.toString()));
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), "{\"format\":\"heddle-trace\",\"version\":1}\n"
                + "{\"e\":\"spawn\",\"i\":0,\"t\":0,\"task\":1}\n{\"e\":\"wake\",\"i\":1,\"t\n");
        assertEquals(new Output(2, "", "heddle trace: " + cut + ":3: not JSON, column 21: a string is not closed"
                + " (cut short? the run that wrote it may have been killed)\n"), trace(cut.toString(), "--html", html.toString()));
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertEquals(new Output(2, "", "heddle trace: " + empty + ": empty, not a trace file; write one with"
                + " -Dheddle.trace=FILE\n"), trace(empty.toString(), "--html", html.toString()));
        Path noFolder = dir.resolve("no/such/folder/out.html");
        assertEquals(new Output(2, "", "heddle trace: " + noFolder + ": its folder " + noFolder.getParent()
                + " does not exist; create it first\n"), trace(cut.toString(), "--html", noFolder.toString()));
        assertFalse(Files.exists(html), "no page for a bad trace");
    }
}
