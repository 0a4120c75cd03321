package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.examples.raft.ClusterInvariants;
import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ./heddle demo}: its summary, checked against runs of the same seeds made here, and its replay of one seed. */
class DemoTest {
    private static final int SEEDS = 40;
    private static final Set<String> PLANTED_BUGS = Set.of("racy-counter", "kv-stale-cache", "lock-order");
    /** program, seeds, failures, first failing seed, virtual seconds, wall milliseconds. */
    private static final Pattern ROW = Pattern.compile("(\\S+) +(\\d+) +(\\d+) +(0x[0-9a-f]+|-) +(\\d+\\.\\d) s +(\\d+) ms");

    private record Output(int code, String out, String err) {}

    private static Output demo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The programs' part of {@code ./heddle demo --seeds 40}, without the store's part that follows it
     * (a third as many seeds, each a hundred times the work: the store's tests below run fewer).
     */
    @Test
    void theSummaryCatchesThePlantedBugsPassesTheCorrectProgramsAndGivesEachFailureItsRerunCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Demo.sweepThePrograms(null, SEEDS, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("Heddle demo: each program simulated over " + SEEDS + " seeds (strategy RANDOM)", lines.getFirst());

        for (Map.Entry<String, SimBody> program : ExamplePrograms.all().entrySet()) {
            String name = program.getKey();
            int row = indexOfRow(lines, name);
            Matcher m = ROW.matcher(lines.get(row));
            assertTrue(m.matches(), "not a summary row: '" + lines.get(row) + "'");

            // The same seeds, run here one by one without the demo's bookkeeping.
            int failures = 0;
            Long firstFailing = null;
            for (long seed = 0; seed < SEEDS; seed++) {
                try {
                    Simulation.ofSeed(seed).run(program.getValue());
                } catch (SimulationFailure f) {
                    failures++;
                    if (firstFailing == null) {
                        firstFailing = seed;
                    }
                }
            }
            assertEquals(String.valueOf(SEEDS), m.group(2), name + " seeds run");
            assertEquals(String.valueOf(failures), m.group(3), name + " failures");
            if (PLANTED_BUGS.contains(name)) {
                assertNotNull(firstFailing, name + " is wrong on purpose and must be caught within " + SEEDS + " seeds");
                String first = Simulation.hex(firstFailing);
                assertEquals(first, m.group(4), name + " first failing seed");
                // A planted bug fails an assertion, or (lock-order) deadlocks.
                assertTrue(lines.get(row + 1).startsWith("    seed=" + first + (name.equals("lock-order")
                        ? " DEADLOCK: " : " TASK_FAILED: ")), lines.get(row + 1));
                assertTrue(lines.subList(row + 1, Math.min(row + 7, lines.size()))
                                .contains("    rerun: ./heddle demo " + name + " --seed " + first),
                        name + "'s rerun command is missing:\n" + String.join("\n", lines));
            } else {
                assertNull(firstFailing, name + " is correct and must pass every seed");
                assertEquals("-", m.group(4), name + " first failing seed");
            }

            ProgramSweep sweep = ProgramSweep.run(name, program.getValue(), SEEDS);
            assertEquals(String.format(Locale.ROOT, "%.1f", sweep.virtualNanos() / 1e9), m.group(5),
                    name + " virtual seconds");
            assertTrue(sweep.wallNanos() > 0 && Long.parseLong(m.group(6)) >= 0, name + " wall time");
        }
    }

    /**
     * {@code ./heddle demo --seeds 6}: after the programs' table the store's, a row per store over a
     * third of the seeds; the correct store passes them all; each row's first failing seed fails
     * alike when rerun alone; then the quickest failure is shrunk, and the files it names are there
     * and show it.
     */
    @Test
    void theStorePartCatchesThePlantedBugsAndShrinksTheQuickestFailureIntoFilesThatShowIt() throws Exception {
        Output demo = demo("--seeds", "6");
        assertEquals(0, demo.code(), demo.err());
        List<String> lines = demo.out().lines().toList();
        int storeSeeds = 2;
        int title = lines.indexOf("The replicated key-value store (Raft), correct and with each planted bug, each over "
                + storeSeeds + " seeds (strategy RANDOM, swarm)");
        assertTrue(title > indexOfRow(lines, "lock-order"), "the store's part follows the programs':\n" + demo.out());
        int header = lines.indexOf(String.format("%-24s %6s %9s  %-12s %14s %9s", "store", "seeds", "failures",
                "first fail", "virtual time", "wall"));
        assertEquals(title + 2, header, demo.out());

        for (String name : StorePrograms.names()) {
            int row = indexOfRow(lines, name);
            assertTrue(row > header, name + " is not in the store's table:\n" + demo.out());
            Matcher m = ROW.matcher(lines.get(row));
            assertTrue(m.matches(), "not a summary row: '" + lines.get(row) + "'");
            assertEquals(String.valueOf(storeSeeds), m.group(2), name + " seeds run");
            if (name.equals(StorePrograms.CORRECT)) {
                assertEquals("0", m.group(3), "the correct store must pass every seed:\n" + demo.out());
                assertEquals("-", m.group(4));
                continue;
            }
            if (m.group(4).equals("-")) {
                assertEquals("0", m.group(3), name);
                continue;
            }
            // The first failing seed, rerun alone as its rerun command would, fails with the line the row shows.
            long first = Simulation.parseSeed(m.group(4));
            assertTrue(Integer.parseInt(m.group(3)) > 0, name);
            SimulationFailure alone = assertThrows(SimulationFailure.class,
                    () -> ProgramSweep.simulation(name, first).run(StorePrograms.body(name)));
            assertEquals("    " + alone.getMessage().lines().findFirst().orElseThrow(), lines.get(row + 1));
            assertTrue(lines.subList(row + 1, Math.min(row + 7, lines.size()))
                    .contains("    rerun: ./heddle demo " + name + " --seed " + m.group(4)), demo.out());
        }
        // Where PlantedBugsTest found them first: the lost update and the double apply fail seed 0.
        for (String name : List.of("raft+lost-update", "raft+double-apply")) {
            Matcher m = ROW.matcher(lines.get(indexOfRow(lines, name)));
            assertTrue(m.matches() && m.group(4).equals("0x0"), lines.get(indexOfRow(lines, name)));
        }

        // The quickest first failure (the lost update's at seed 0: 104 steps) is shrunk.
        String shrunkRow = "raft+lost-update";
        int shrink = indexOfLineStartingWith(lines, "The first failure of " + shrunkRow + ", seed 0x0 (of the store's"
                + " first failures, the one of fewest steps: ");
        assertTrue(lines.get(shrink + 1).startsWith("  shrunk the decision log of seed 0x0 in "), lines.get(shrink + 1));
        assertTrue(lines.get(shrink + 1).contains(", failing as before: TASK_FAILED AssertionError at "),
                lines.get(shrink + 1));

        Path folder = Path.of("target", "heddle", "demo");
        Path original = folder.resolve(shrunkRow + ".decisions");
        Path shrunk = folder.resolve(shrunkRow + ".shrunk.decisions");
        DecisionLog originalLog = DecisionLog.read(original);
        DecisionLog shrunkLog = DecisionLog.read(shrunk);
        assertTrue(shrunkLog.size() < originalLog.size(), shrunkLog + " is no smaller than " + originalLog);
        assertTrue(lines.contains("    decisions " + originalLog.size() + " -> " + shrunkLog.size()) || lines.stream()
                .anyMatch(l -> l.startsWith("    decisions " + originalLog.size() + " -> " + shrunkLog.size() + " (")),
                demo.out());
        assertTrue(lines.contains("  " + original + ": the failing run's decision log (" + originalLog.size()
                + " decisions)"), demo.out());
        assertTrue(lines.contains("  " + shrunk + ": the shrunk one (" + shrunkLog.size() + " decisions)"), demo.out());

        // The report: the shrunk run's history checked, with what the run failed on, the broken invariant, in its title.
        Path report = folder.resolve(shrunkRow + ".linearizability.html");
        String reportLine = lines.get(indexOfLineStartingWith(lines, "  " + report + ": the shrunk run's "));
        Matcher verdict = Pattern.compile(".*: the shrunk run's \\d+ client operations \\(\\d+ in flight when it"
                + " failed\\) checked: (\\w+) against the key-value model; the run failed on: (.*)").matcher(reportLine);
        assertTrue(verdict.matches(), reportLine);
        String failedOn = verdict.group(2);
        assertTrue(failedOn.contains("\"" + ClusterInvariants.COMMITTED_NEVER_LOST + "\""), failedOn);
        String html = Files.readString(report);
        assertTrue(html.contains("\"verdict\":\"" + verdict.group(1) + "\""), "the report shows the verdict printed, "
                + verdict.group(1));
        assertTrue(html.contains("<title>" + shrunkRow + ", seed 0x0 shrunk, failed on: "
                + failedOn.replace("\"", "&quot;")), "the report names the broken invariant");

        // The timeline: the shrunk run's trace, failed as reported.
        Path timeline = folder.resolve(shrunkRow + ".shrunk.timeline.html");
        assertTrue(lines.contains("  " + timeline + ": the shrunk run's trace ("
                + folder.resolve(shrunkRow + ".shrunk.trace.jsonl") + ") as a timeline"), demo.out());
        String page = Files.readString(timeline);
        assertTrue(page.contains("\"outcome\":\"failed\",\"failure\":\"TASK_FAILED\"")
                && page.contains(ClusterInvariants.COMMITTED_NEVER_LOST), "the timeline draws the shrunk run, failed on "
                + failedOn);

        // The commands that end the shrink's part work: the replay of the shrunk log fails as the shrunk run did.
        int replayLine = lines.indexOf("replay: ./heddle replay " + shrunk);
        assertTrue(replayLine > shrink, demo.out());
        assertEquals("rerun: ./heddle demo " + shrunkRow + " --seed 0x0", lines.get(replayLine - 1));
        ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        assertEquals(1, ReplayCommand.run(new String[] {shrunk.toString()},
                new PrintStream(replayed, true, StandardCharsets.UTF_8), System.err));
        String replay = replayed.toString(StandardCharsets.UTF_8);
        assertTrue(replay.startsWith(shrunkRow + " failed when " + shrunk + " was replayed (" + shrunkLog.size()
                + " decisions):\n"), replay);
        assertTrue(replay.contains(failedOn), replay);

        // Then the first failure the checker found (the double apply's, at seed 0: the stale read first fails later):
        // run again, its history's report says which key no order explains.
        String checked = "raft+double-apply";
        int again = lines.indexOf("The first failure the linearizability check found, " + checked + " seed 0x0, run"
                + " again with its clients' history kept:");
        assertTrue(again > replayLine, demo.out());
        Path checkedReport = folder.resolve(checked + ".linearizability.html");
        assertTrue(lines.get(again + 1).matches(Pattern.quote("  " + checkedReport + ": the run's ") + "\\d+"
                + Pattern.quote(" client operations (0 in flight when it failed) checked: NOT_LINEARIZABLE against"
                + " the key-value model; the run failed on: linearizability")), lines.get(again + 1));
        String checkedHtml = Files.readString(checkedReport);
        assertTrue(checkedHtml.contains("\"verdict\":\"NOT_LINEARIZABLE\"") && checkedHtml.contains("<title>" + checked
                + ", seed 0x0, failed on: linearizability"), "the report shows the history not linearizable");
        Path checkedTimeline = folder.resolve(checked + ".timeline.html");
        assertEquals("  " + checkedTimeline + ": the run's trace (" + folder.resolve(checked + ".trace.jsonl")
                + ") as a timeline", lines.get(again + 2));
        assertTrue(Files.readString(checkedTimeline).contains("\"outcome\":\"failed\""), "the timeline draws the run");
        assertEquals("rerun: ./heddle demo " + checked + " --seed 0x0", lines.get(again + 3));

        // The README shows the shrink as the demo prints it, whatever the seeds: every line, but for the shrink's
        // time and the words of the assertion that failed.
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String line : lines.subList(shrink, replayLine + 1)) {
            if (line.startsWith("  shrunk the decision log of seed ")) {
                continue;
            }
            String shown = line.equals(reportLine) ? line.substring(0, line.length() - failedOn.length()) : line + "\n";
            assertTrue(readme.contains("\n" + shown), "README.md lacks the demo's line: " + shown);
        }
    }

    /**
     * {@code raft} runs the store's part alone, every row and the shrink; {@code raft+BUG} one row;
     * {@code --seed} reruns one seed of a row with the full report.
     */
    @Test
    void raftRunsTheStoresPartAloneAndASeedOfOneRowReplaysWithItsReport() {
        Output raft = demo("raft", "--seeds", "1");
        assertEquals(0, raft.code(), raft.err());
        List<String> all = raft.out().lines().toList();
        assertEquals("The replicated key-value store (Raft), correct and with each planted bug, each over 1 seeds"
                + " (strategy RANDOM, swarm)", all.getFirst(), raft.out());
        for (String name : StorePrograms.names()) {
            assertTrue(indexOfRow(all, name) > 0);
        }
        assertTrue(ExamplePrograms.all().keySet().stream().noneMatch(p -> all.stream().anyMatch(
                l -> l.startsWith(p + " "))), "raft runs no example program:\n" + raft.out());
        assertTrue(all.contains("replay: ./heddle replay target/heddle/demo/raft+lost-update.shrunk.decisions"),
                raft.out());

        Output store = demo("raft+unpersisted-vote", "--seeds", "3");
        assertEquals(0, store.code(), store.err());
        List<String> lines = store.out().lines().toList();
        assertEquals("The replicated key-value store (Raft), correct and with each planted bug, each over 1 seeds"
                + " (strategy RANDOM, swarm)", lines.getFirst(), store.out());
        assertEquals(4, lines.size(), "one row, no program, nothing failed to shrink:\n" + store.out());
        Matcher row = ROW.matcher(lines.get(3));
        assertTrue(row.matches() && row.group(1).equals("raft+unpersisted-vote") && row.group(2).equals("1")
                && row.group(3).equals("0") && row.group(4).equals("-"), lines.get(3));

        SimulationFailure first = assertThrows(SimulationFailure.class,
                () -> ProgramSweep.simulation("raft+lost-update", 0).run(StorePrograms.body("raft+lost-update")));
        Output rerun = demo("raft+lost-update", "--seed", "0x0");
        assertEquals(1, rerun.code(), rerun.err());
        assertEquals(("raft+lost-update failed, trace hash " + Long.toHexString(first.traceHash()) + ":\n"
                + first.getMessage()).lines().toList(), rerun.out().lines().toList());
        assertTrue(rerun.err().startsWith("decision log: target/heddle/demo/raft+lost-update.decisions ("), rerun.err());
    }

    @Test
    void theVirtualTimeCoveredCountsFailingSeedsToo() {
        String name = "kv-stale-cache";
        SimBody body = ExamplePrograms.all().get(name);
        ProgramSweep sweep = ProgramSweep.run(name, body, SEEDS);
        long passingOnly = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            try {
                passingOnly += Simulation.ofSeed(seed).run(body).virtualNanos();
            } catch (SimulationFailure f) {
                // the time of failing seeds is what this test is about
            }
        }
        assertTrue(sweep.failures() > 0, "kv-stale-cache must fail some of " + SEEDS + " seeds");
        assertTrue(sweep.virtualNanos() > passingOnly, "the sweep covered " + sweep.virtualNanos()
                + " ns, no more than the " + passingOnly + " ns of its passing seeds alone");
    }

    @Test
    void seedReplaysOneRunWithItsFullReportAndTraceHash() {
        SimBody racy = ExamplePrograms.all().get("racy-counter");
        SimulationFailure first = ProgramSweep.run("racy-counter", racy, SEEDS).firstFailure();
        assertNotNull(first, "racy-counter must fail within " + SEEDS + " seeds");

        Output failed = demo("racy-counter", "--seed", Simulation.hex(first.seed()));
        assertEquals(1, failed.code(), failed.err());
        assertEquals(("racy-counter failed, trace hash " + Long.toHexString(first.traceHash()) + ":\n"
                + first.getMessage()).lines().toList(), failed.out().lines().toList());

        long passing = first.seed() == 0 ? 1 : 0;
        while (passing < SEEDS && fails(racy, passing)) {
            passing++;
        }
        SimulationResult expected = Simulation.ofSeed(passing).run(racy);
        Output passed = demo("racy-counter", "--seed", String.valueOf(passing));
        assertEquals(0, passed.code(), passed.err());
        assertEquals("racy-counter passed: " + expected + "\n", passed.out());
    }

    /**
     * {@code ./heddle demo lock-order --seed S}: a deadlock's report names the cycle, shows the
     * wait-for graph and the task dump, each transfer waiting at its second lock, and the schedule.
     */
    @Test
    void aDeadlockedSeedPrintsTheTaskDump() {
        SimulationFailure first = ProgramSweep.run("lock-order", ExamplePrograms.all().get("lock-order"), SEEDS)
                .firstFailure();
        assertNotNull(first, "lock-order must deadlock within " + SEEDS + " seeds");
        Output failed = demo("lock-order", "--seed", Simulation.hex(first.seed()));
        assertEquals(1, failed.code(), failed.err());
        String out = failed.out();
        assertTrue(out.contains("Blocked tasks, as a task dump:\n3 live tasks\n"
                + "  main#1 WAITING on join of transfer-a-to-b#2\n"), out);
        for (String transfer : List.of("transfer-a-to-b#2", "transfer-b-to-a#3")) {
            int at = out.indexOf("  " + transfer + " WAITING on mutex lock\n");
            assertTrue(at >= 0, out);
            assertTrue(out.substring(at).lines().skip(1).limit(4).anyMatch(l -> l.contains("LockOrder.transfer(")), out);
        }
        // Before the dump: the cycle, and each transfer in the wait-for graph at its line; after it, the schedule.
        assertTrue(out.contains("The tasks deadlock: transfer-a-to-b#2 holds Mutex@1, waits for Mutex@2 held by"
                + " transfer-b-to-a#3, which waits for Mutex@1."), out);
        assertTrue(out.contains("\n  transfer-b-to-a#3 holds Mutex@2, waits for Mutex@1 held by transfer-a-to-b#2\n"
                + "      at dev.heddle.examples.LockOrder.transfer(LockOrder.java:"), out);
        assertTrue(out.indexOf("Wait-for graph:\n") < out.indexOf("Blocked tasks, as a task dump:"), out);
        assertTrue(out.contains("ran, suspended at dev.heddle.examples.LockOrder.transfer(LockOrder.java:"), out);
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhatIsWrong() {
        String programs = String.join(", ", Demo.programs().keySet());
        assertUsageError("heddle demo: --seed needs a program name, e.g. ./heddle demo racy-counter --seed 0x1",
                "--seed", "0x1");
        assertUsageError("heddle demo: no program named 'nope'; the programs are: " + programs, "nope");
        assertUsageError("heddle demo: --seeds 'many' is not a whole number of seeds", "--seeds", "many");
        assertUsageError("heddle demo: --seeds must be at least 1, was 0", "--seeds", "0");
        assertUsageError("heddle demo: --seed 'zz' is not a seed; write it as printed (0x2a) or in decimal",
                "racy-counter", "--seed", "zz");
        assertUsageError("heddle demo: --seed needs a value", "racy-counter", "--seed");
        assertUsageError("heddle demo: unknown option '--bogus'; the options are --seeds N, --seed SEED, -h, --help",
                "--bogus");
        assertUsageError("heddle demo: unknown option '-x'; the options are --seeds N, --seed SEED, -h, --help",
                "racy-counter", "-x");
        assertUsageError("heddle demo: two programs named, 'racy-counter' and 'safe-counter'; name one, or none to run"
                + " them all", "racy-counter", "safe-counter");
    }

    @Test
    void helpPrintsTheUsageWithEveryProgramAndOptionWhateverElseIsThere() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"},
                new String[] {"--bogus", "racy-counter", "safe-counter", "--help"})) {
            Output help = demo(args);
            assertEquals(0, help.code(), help.err());
            assertEquals("", help.err());
            assertTrue(help.out().startsWith("usage: ./heddle demo [PROGRAM] [--seeds N] [--seed SEED]\n"), help.out());
            for (String option : List.of("--seeds N", "--seed SEED", "-h, --help")) {
                assertTrue(help.out().contains("\n  " + option + " "), option + " is missing:\n" + help.out());
            }
            String listed = help.out().replaceAll("\\s+", " ");
            for (String program : Demo.programs().keySet()) {
                assertTrue(listed.contains(" " + program + ",") || listed.contains(" " + program + " --seeds"),
                        program + " is missing:\n" + help.out());
            }
            assertTrue(help.out().lines().allMatch(line -> line.length() < 110), help.out());
        }
    }

    private static void assertUsageError(String message, String... args) {
        Output o = demo(args);
        assertEquals(2, o.code(), String.join(" ", args));
        assertEquals(message + "\n(./heddle demo --help shows the usage)\n", o.err(), String.join(" ", args));
        assertEquals("", o.out(), String.join(" ", args));
    }

    private static boolean fails(SimBody body, long seed) {
        try {
            Simulation.ofSeed(seed).run(body);
            return false;
        } catch (SimulationFailure f) {
            return true;
        }
    }

    private static int indexOfLineStartingWith(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + start + "' in:\n" + String.join("\n", lines));
    }

    private static int indexOfRow(List<String> lines, String program) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(program + " ")) {
                return i;
            }
        }
        throw new AssertionError("no summary row for " + program + " in:\n" + String.join("\n", lines));
    }
}
