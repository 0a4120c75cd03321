package dev.heddle.junit.fuzz;

import dev.heddle.json.JsonParser;
import dev.heddle.json.JsonSyntaxException;
import dev.heddle.json.JsonWriter;
import dev.heddle.sim.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run found, as {@code summary.json} keeps it and {@code fuzz merge} reads it back:
 * the shards it covers, each test's seeds, and every failing seed in {@link FuzzFailure#ORDER}.
 * The signature groups are written for readers and derived again on reading, never read.
 * Two runs that ran the same seeds have equal {@link #tests()} and {@link #failures()}, however
 * many forks or shards ran them.
 *
 * @param canary whether the run included the built-in {@link FuzzCanary}, whose failure it expects
 */
record FuzzSummary(List<String> shards, long wallMillis, boolean canary, List<TestTally> tests,
                   List<FuzzFailure> failures) {
    static final String FILE = "summary.json";
    private static final String FORMAT = "heddle-fuzz-summary 1";

    long seeds() {
        return tests.stream().mapToLong(TestTally::seeds).sum();
    }

    long checkedTwice() {
        return tests.stream().mapToLong(TestTally::checkedTwice).sum();
    }

    List<SignatureGroup> groups() {
        return SignatureGroup.of(failures);
    }

    boolean canaryCaught() {
        return failures.stream().anyMatch(FuzzFailure::canary);
    }

    /** 1 when a test failed, or the canary ran and was not caught; else 0. */
    int exitCode() {
        boolean failed = failures.stream().anyMatch(f -> !f.canary());
        return failed || (canary && !canaryCaught()) ? 1 : 0;
    }

    /** The shards' summaries as one: the tests' seeds added up, the failures together. */
    static FuzzSummary merge(List<FuzzSummary> shards) {
        List<String> names = new ArrayList<>();
        Map<String, TestTally> tests = new LinkedHashMap<>();
        List<FuzzFailure> failures = new ArrayList<>();
        long wall = 0;
        boolean canary = false;
        for (FuzzSummary s : shards) {
            names.addAll(s.shards);
            wall = Math.max(wall, s.wallMillis);
            canary |= s.canary;
            s.tests.forEach(t -> tests.merge(t.test(), t, TestTally::plus));
            failures.addAll(s.failures);
        }
        failures.sort(FuzzFailure.ORDER);
        return new FuzzSummary(List.copyOf(names), wall, canary, List.copyOf(tests.values()), List.copyOf(failures));
    }

    void write(Path out) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("passed", exitCode() == 0);
        json.put("shards", shards);
        json.put("wallSeconds", wallMillis / 1000.0);
        json.put("seeds", seeds());
        json.put("checkedTwiceForDeterminism", checkedTwice());
        json.put("canary", canary ? (canaryCaught() ? "caught" : "NOT caught") : "not run");
        List<Object> testList = new ArrayList<>();
        for (TestTally t : tests) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", t.test());
            m.put("seeds", t.seeds());
            m.put("checkedTwice", t.checkedTwice());
            m.put("seedRanges", t.ranges().stream().map(SeedRange::text).toList());
            m.put("faultsFired", new TreeMap<>(t.faults()));
            testList.add(m);
        }
        json.put("tests", testList);
        List<Object> groupList = new ArrayList<>();
        for (SignatureGroup g : groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", g.test());
            m.put("signature", g.signature());
            m.put("kind", g.first().kind());
            m.put("seeds", g.failures().size());
            m.put("firstSeed", g.first().seed());
            m.put("folder", g.first().folder());
            m.put("strategies", g.strategies());
            groupList.add(m);
        }
        json.put("signatures", groupList);
        List<Object> failureList = new ArrayList<>();
        for (FuzzFailure f : failures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("test", f.test());
            m.put("seed", f.seed());
            m.put("kind", f.kind());
            m.put("strategy", f.strategy());
            m.put("signature", f.signature());
            m.put("headline", f.headline());
            m.put("folder", f.folder());
            m.put("rerun", f.rerun());
            failureList.add(m);
        }
        json.put("failures", failureList);
        Files.createDirectories(out);
        Files.writeString(out.resolve(FILE), JsonWriter.indented(json));
    }

    /** The summary in {@code folder}/{@value #FILE}. @throws IllegalArgumentException saying what is wrong with it */
    @SuppressWarnings("unchecked")
    static FuzzSummary read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        Map<String, Object> json;
        try {
            json = (Map<String, Object>) JsonParser.parse(Files.readString(file));
            if (!FORMAT.equals(json.get("format"))) {
                throw new IllegalArgumentException("its format is '" + json.get("format") + "', not '" + FORMAT + "'");
            }
            List<TestTally> tests = new ArrayList<>();
            for (Object o : (List<Object>) json.get("tests")) {
                Map<String, Object> m = (Map<String, Object>) o;
                List<SeedRange> ranges = new ArrayList<>();
                for (Object r : (List<Object>) m.get("seedRanges")) {
                    List<Object> pair = (List<Object>) r;
                    ranges.add(new SeedRange(Simulation.parseSeed((String) pair.get(0)),
                            Simulation.parseSeed((String) pair.get(1))));
                }
                Map<String, Long> faults = new TreeMap<>();
                Object fired = m.get("faultsFired");
                if (fired != null) {
                    ((Map<String, Object>) fired).forEach((kind, count) -> faults.put(kind, (Long) count));
                }
                tests.add(new TestTally((String) m.get("test"), (Long) m.get("seeds"), (Long) m.get("checkedTwice"),
                        List.copyOf(ranges), Map.copyOf(faults)));
            }
            List<FuzzFailure> failures = new ArrayList<>();
            for (Object o : (List<Object>) json.get("failures")) {
                Map<String, Object> m = (Map<String, Object>) o;
                failures.add(new FuzzFailure((String) m.get("test"), (String) m.get("seed"), (String) m.get("kind"),
                        (String) m.get("strategy"), (String) m.get("signature"), (String) m.get("headline"),
                        (String) m.get("folder"), (String) m.get("rerun")));
            }
            return new FuzzSummary(List.copyOf((List<String>) (List<?>) json.get("shards")),
                    Math.round(((Number) json.get("wallSeconds")).doubleValue() * 1000),
                    !"not run".equals(json.get("canary")),
                    List.copyOf(tests), List.copyOf(failures));
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("a member is missing or of the wrong type (" + e.getMessage() + ")", e);
        }
    }
}
