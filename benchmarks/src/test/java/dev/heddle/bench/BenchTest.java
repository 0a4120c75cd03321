package dev.heddle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./heddle bench}: its names, usage and usage errors, the same from the script and from {@link Bench}. */
class BenchTest {
    private static final Path SCRIPT = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .getParent().resolve("heddle");

    @TempDir
    Path elsewhere;

    private record Output(int code, String out, String err) {}

    private static Output bench(String... args) throws Throwable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Bench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code bash heddle bench ARGS} from a folder of its own; every case here ends before the script builds. */
    private Output script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "bench"));
        command.addAll(List.of(args));
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A guard against a hung script, not a timing assumption: every case here ends in milliseconds.
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "heddle bench " + String.join(" ", args) + " did not end");
        return new Output(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void everyNameIsABenchmarkClassWithAMain() throws Exception {
        for (String name : Bench.NAMES) {
            Class.forName(Bench.class.getPackageName() + "." + Bench.classNameOf(name)).getMethod("main", String[].class);
        }
        assertEquals("SimSwitchBench", Bench.classNameOf("sim-switch"));
    }

    @Test
    void helpAndListAreTheScriptsToo() throws Throwable {
        Output help = bench("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: ./heddle bench NAME [ARGS...]\n"), help.out());
        assertTrue(help.out().contains("one of: " + String.join(", ", Bench.NAMES) + ";"), help.out());
        assertEquals(help, bench("lin", "-h"));
        assertEquals(help, script("--help"));
        assertEquals(help, script("net", "-h"));

        Output list = bench("list");
        assertEquals(new Output(0, String.join("\n", Bench.NAMES) + "\n", ""), list);
        assertEquals(list, script("list"));
    }

    @Test
    void anUnknownOrMissingNameExitsWithTwoListingTheNames() throws Throwable {
        String names = String.join(", ", Bench.NAMES);
        Output unknown = bench("nope");
        assertEquals(new Output(2, "", "heddle bench: no benchmark named 'nope'; NAME is one of: " + names
                + "\n(./heddle bench --help shows the usage)\n"), unknown);
        assertEquals(unknown, script("nope"));

        Output missing = bench();
        assertEquals(new Output(2, "", "heddle bench: no benchmark named; NAME is one of: " + names
                + "\n(./heddle bench --help shows the usage)\n"), missing);
        assertEquals(missing, script());
    }

    @Test
    void aBadArgumentOfABenchmarkExitsWithTwoNamingIt() throws Throwable {
        assertEquals(new Output(2, "", "heddle bench: seeds: seeds must be a whole number of at least 1, was 'x'"
                + "\n(./heddle bench --help shows the usage)\n"), bench("seeds", "x"));
        assertEquals(new Output(2, "", "heddle bench: bugs-small: --seeds needs a value"
                + "\n(./heddle bench --help shows the usage)\n"), bench("bugs-small", "--seeds"));
        assertEquals(new Output(2, "", "heddle bench: lin: --max-ops must be a whole number of at least 1, was '0'"
                + "\n(./heddle bench --help shows the usage)\n"), bench("lin", "--max-ops", "0"));
    }

    @Test
    void badHistoriesForLinAreNamedBeforeTheWarmUp() throws Throwable {
        assertEquals(new Output(2, "", "heddle bench: lin: --histories DIR and --model NAME go together: the model"
                + " says how to read the files' operations\n(./heddle bench --help shows the usage)\n"),
                bench("lin", "--histories", elsewhere.toString()));
        Path missing = elsewhere.resolve("missing");
        assertEquals(new Output(2, "", "heddle bench: lin: --histories " + missing + ": no such directory ("
                + missing + ")\n(./heddle bench --help shows the usage)\n"),
                bench("lin", "--histories", missing.toString(), "--model", "kv"));
        assertEquals(new Output(2, "", "heddle bench: lin: --histories " + elsewhere + ": no history files (.jsonl,"
                + " .json, .edn, .log, .txt) in " + elsewhere + "\n(./heddle bench --help shows the usage)\n"),
                bench("lin", "--histories", elsewhere.toString(), "--model", "kv"));
        Files.writeString(elsewhere.resolve("h.jsonl"), "{\"client\":0,\"f\":\"get\"}\n");
        Output unknownModel = bench("lin", "--histories", elsewhere.toString(), "--model", "nope");
        assertEquals(2, unknownModel.code());
        assertTrue(unknownModel.err().startsWith("heddle bench: lin: no model named 'nope'"), unknownModel.err());
    }
}
