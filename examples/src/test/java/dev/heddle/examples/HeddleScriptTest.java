package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.cli.LinCommand;
import dev.heddle.junit.fuzz.FuzzCommand;
import dev.heddle.sim.timeline.TraceCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code heddle} script, run by bash from another folder: its usage texts are the Java mains'
 * own, and its usage errors are theirs too, printed before it looks for a JDK or builds anything.
 * No case here gets as far as Maven: each one is answered by the script's checks.
 */
class HeddleScriptTest {
    private static final Path SCRIPT = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .getParent().resolve("heddle");

    @TempDir
    Path elsewhere;

    private record Output(int code, String out, String err) {}

    /** Runs the script from a folder of its own, as {@code bash /…/heddle ARGS}. */
    private Output heddle(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        // A guard against a hung script, not a timing assumption: every case here ends in milliseconds.
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "heddle " + String.join(" ", args) + " did not end");
        return new Output(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Output java(BiFunction<PrintStream, PrintStream, Integer> main) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = main.apply(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Output demo(String... args) {
        return java((out, err) -> Demo.run(args, out, err));
    }

    private static Output lin(String... args) {
        return java((out, err) -> LinCommand.run(args, out, err));
    }

    private static Output replay(String... args) {
        return java((out, err) -> ReplayCommand.run(args, out, err));
    }

    @Test
    void replaysUsageAndUsageErrorsAreReplayCommandsOwn() throws Exception {
        assertEquals(replay("--help"), heddle("replay", "--help"));
        assertEquals(replay("-h"), heddle("replay", "--shrink", "-h"));
        for (List<String> args : List.of(List.<String>of(), List.of("--shrink"), List.of("--max-replays"),
                List.of("--frob", "x.decisions"), List.of("a.decisions", "b.decisions"))) {
            List<String> withVerb = new ArrayList<>(List.of("replay"));
            withVerb.addAll(args);
            Output script = heddle(withVerb.toArray(String[]::new));
            assertEquals(2, script.code(), script.err());
            assertEquals(replay(args.toArray(String[]::new)), script, String.join(" ", args));
        }
    }

    private static Output fuzz(String... args) {
        return java((out, err) -> FuzzCommand.run(args, out, err));
    }

    private static Output trace(String... args) {
        return java((out, err) -> TraceCommand.run(args, out, err));
    }

    @Test
    void helpListsEveryVerbWithTheUsageItsMainPrints() throws Exception {
        Output help = heddle("help");
        assertEquals(0, help.code(), help.err());
        assertEquals("", help.err());
        assertTrue(help.out().startsWith("Heddle: deterministic simulation testing for Java.\nusage: ./heddle VERB"),
                help.out());
        assertTrue(help.out().contains("\n\n" + demo("--help").out() + "\n"), help.out());
        assertTrue(help.out().contains("\n\n" + lin("--help").out()), help.out());
        assertTrue(help.out().contains("\n\n" + replay("--help").out()), help.out());
        assertTrue(help.out().contains("\n\n" + fuzz("--help").out()), help.out());
        assertTrue(help.out().contains("\n\n" + trace("--help").out()), help.out());
        for (String verb : List.of("demo", "test", "install", "bench", "lin", "replay", "fuzz", "trace")) {
            assertTrue(help.out().contains("\nusage: ./heddle " + verb + " "), verb + " is missing:\n" + help.out());
            assertTrue(help.out().contains("\n" + heddle(verb, "--help").out()), verb + "'s usage differs");
        }
        assertEquals(help, heddle("--help"));
        assertEquals(help, heddle());
    }

    @Test
    void everyVerbAnswersHelpAndHWithItsUsage() throws Exception {
        assertEquals(demo("--help"), heddle("demo", "--help"));
        assertEquals(demo("-h"), heddle("demo", "racy-counter", "-h"));
        assertEquals(lin("--help"), heddle("lin", "--help"));
        assertEquals(lin("-h"), heddle("lin", "--model", "nope", "-h"));
        assertEquals(fuzz("--help"), heddle("fuzz", "--help"));
        assertEquals(fuzz("-h"), heddle("fuzz", "merge", "-h"));
        assertEquals(trace("--help"), heddle("trace", "--help"));
        assertEquals(trace("-h"), heddle("trace", "x.jsonl", "--bogus", "-h"));
        Output test = heddle("test", "-Dtest=X", "-h");
        assertEquals(0, test.code());
        assertTrue(test.out().startsWith("usage: ./heddle test [MAVEN_ARGS...]\n"), test.out());
        assertTrue(test.out().contains("MAVEN_ARGS go to Maven unchanged"), test.out());
        assertEquals(test, heddle("test", "--help"));
    }

    @Test
    void demoUsageErrorsAreTheMainsOwnAndComeBeforeAnyBuild() throws Exception {
        List<List<String>> cases = List.of(List.of("--bogus"), List.of("racy-counter", "safe-counter"),
                List.of("nope"), List.of("racy-counter", "--seed"), List.of("-x", "racy-counter"));
        for (List<String> args : cases) {
            String[] demoArgs = args.toArray(String[]::new);
            List<String> withVerb = new ArrayList<>(List.of("demo"));
            withVerb.addAll(args);
            Output script = heddle(withVerb.toArray(String[]::new));
            assertEquals(2, script.code(), String.join(" ", args) + ": " + script.err());
            assertEquals(demo(demoArgs), script, String.join(" ", args));
        }
        assertTrue(heddle("demo", "--bogus").err().startsWith("heddle demo: unknown option '--bogus'"));
    }

    @Test
    void linUsageErrorsAreTheMainsOwnAndComeBeforeAnyBuild() throws Exception {
        List<List<String>> cases = List.of(List.of("--bogus", "x.log"), List.of("-v", "x.log"),
                List.of("x.log"), List.of("--model", "register"), List.of("--model"));
        for (List<String> args : cases) {
            List<String> withVerb = new ArrayList<>(List.of("lin"));
            withVerb.addAll(args);
            Output script = heddle(withVerb.toArray(String[]::new));
            assertEquals(2, script.code(), String.join(" ", args) + ": " + script.err());
            assertEquals(lin(args.toArray(String[]::new)), script, String.join(" ", args));
        }
    }

    @Test
    void fuzzUsageErrorsAreTheMainsOwnAndComeBeforeAnyBuild() throws Exception {
        List<List<String>> cases = List.of(List.of(), List.of("--canary"), List.of("--canary", "--seeds"),
                List.of("--canary", "--seeds", "1", "--bogus"), List.of("--canary", "--seeds", "1", "stray"),
                List.of("--tests", "X", "--seeds", "1", "--duration", "1m"), List.of("--seeds", "1"),
                List.of("--tests", "X", "--seeds", " "));
        for (List<String> args : cases) {
            List<String> withVerb = new ArrayList<>(List.of("fuzz"));
            withVerb.addAll(args);
            Output script = heddle(withVerb.toArray(String[]::new));
            assertEquals(2, script.code(), String.join(" ", args) + ": " + script.err());
            assertEquals(1, script.err().lines().count(), script.err());
            assertEquals(fuzz(args.toArray(String[]::new)), script, String.join(" ", args));
        }
    }

    @Test
    void linReadsRelativeFilesFromTheCallersFolderAndReportsMissingOnesBeforeAnyBuild() throws Exception {
        // here.jsonl exists only in the folder the script is run from: were files read from Heddle's own folder,
        // it would be reported missing too. nope.jsonl is missing, so the script stops before it builds.
        Files.writeString(elsewhere.resolve("here.jsonl"), "");
        Files.createDirectories(elsewhere.resolve("sub"));
        Files.writeString(elsewhere.resolve("sub/there.jsonl"), "");
        Path missing = elsewhere.resolve("gone.jsonl");
        Output script = heddle("lin", "--model", "kv", "here.jsonl", "-", "sub/there.jsonl", "nope.jsonl",
                missing.toString(), "sub/nope.edn");
        String folder = elsewhere.toRealPath().toString();
        assertEquals(new Output(2, "", "heddle lin: nope.jsonl: no such file (looked in " + folder + ")\n"
                + "heddle lin: " + missing + ": no such file\n"
                + "heddle lin: sub/nope.edn: no such file (looked in " + folder + ")\n"), script);
        // LinCommand words it the same; run in this JVM, it looks in this JVM's folder.
        assertEquals(new Output(2, "", "heddle lin: " + missing + ": no such file\n"),
                lin("--model", "kv", missing.toString()));
        assertEquals(lin("--model", "kv", "-", "-"), heddle("lin", "--model", "kv", "-", "-"));
    }

    @Test
    void linTakesDirectoriesAndReportsOnesWithoutHistoriesBeforeAnyBuild() throws Exception {
        // full/ holds a history (found through a symbolic link, as Files.isRegularFile finds it), so only nope.jsonl,
        // empty/ and notes/ (a non-history file, and a history one level down, which is not read) stop the script.
        Files.createDirectories(elsewhere.resolve("full"));
        Files.writeString(elsewhere.resolve("target.log"), "");
        Files.createSymbolicLink(elsewhere.resolve("full/linked.log"), elsewhere.resolve("target.log"));
        Files.createDirectories(elsewhere.resolve("empty"));
        Files.createDirectories(elsewhere.resolve("notes/sub"));
        Files.writeString(elsewhere.resolve("notes/README.md"), "");
        Files.writeString(elsewhere.resolve("notes/sub/a.log"), "");
        String none = ": no history files in this directory (looked for .jsonl, .json, .edn, .log, .txt)\n";
        Output script = heddle("lin", "--model", "kv", "full", "empty", "nope.jsonl", "notes");
        String folder = elsewhere.toRealPath().toString();
        assertEquals(new Output(2, "", "heddle lin: empty" + none
                + "heddle lin: nope.jsonl: no such file (looked in " + folder + ")\n"
                + "heddle lin: notes" + none), script);
        // LinCommand words it the same (run in this JVM, from another folder: absolute paths).
        Path empty = elsewhere.resolve("empty");
        assertEquals(new Output(2, "", "heddle lin: " + empty + none), lin("--model", "kv", empty.toString()));
        Path missing = elsewhere.resolve("gone.log");
        assertEquals(lin("--model", "kv", empty.toString(), missing.toString()),
                heddle("lin", "--model", "kv", empty.toString(), missing.toString()));
    }

    @Test
    void traceUsageErrorsAreTheMainsOwnAndComeBeforeAnyBuild() throws Exception {
        List<List<String>> cases = List.of(List.of(), List.of("a.jsonl"), List.of("a.jsonl", "--html"),
                List.of("a.jsonl", "--png", "x"), List.of("a.jsonl", "b.jsonl", "--html", "x.html"));
        for (List<String> args : cases) {
            List<String> withVerb = new ArrayList<>(List.of("trace"));
            withVerb.addAll(args);
            Output script = heddle(withVerb.toArray(String[]::new));
            assertEquals(2, script.code(), String.join(" ", args) + ": " + script.err());
            assertEquals(trace(args.toArray(String[]::new)), script, String.join(" ", args));
        }
        // Relative paths are the caller's folder's: the script says where it looked, as TraceCommand does in its JVM.
        String folder = elsewhere.toRealPath().toString();
        assertEquals(new Output(2, "", "heddle trace: nope.jsonl: no such file (looked in " + folder + ")\n"),
                heddle("trace", "nope.jsonl", "--html", "out.html"));
        assertEquals(new Output(2, "", "heddle trace: sub/out.html: its folder " + folder + "/sub does not exist;"
                + " create it first\n"), heddle("trace", "nope.jsonl", "--html", "sub/out.html"));
        Path missing = elsewhere.resolve("nope.jsonl");
        Path page = elsewhere.resolve("out.html");
        assertEquals(trace(missing.toString(), "--html", page.toString()),
                heddle("trace", missing.toString(), "--html", page.toString()));
    }

    @Test
    void anUnknownVerbNamesItAndTheVerbs() throws Exception {
        Output frob = heddle("frob");
        assertEquals(2, frob.code());
        assertEquals("heddle: unknown verb 'frob'; the verbs are demo, test, install, bench, lin, replay, fuzz, trace and help (./heddle help)\n",
                frob.err());
    }
}
