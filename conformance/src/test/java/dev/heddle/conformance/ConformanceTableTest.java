package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's table true: per Tokio file, the tests translated here (each test method
 * marked with a {@code // Tokio: name, file} comment and named after the Tokio test) plus the
 * tests listed as not applicable add up to the Tokio tests the row counts, and every
 * translation runs in the simulator.
 */
class ConformanceTableTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Pattern PORT = Pattern.compile(
            "// Tokio: (\\w+(?:::\\w+)*), ((?:tokio|tokio-util)/tests/\\w+\\.rs)[^\\n]*\\n((?:\\s*//[^\\n]*\\n|\\s*@[^\\n]*\\n)*)"
                    + "\\s*(?:public |static |private )*void (\\w+)\\(");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `((?:tokio|tokio-util)/tests/\\w+\\.rs)` \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$");
    private static final Pattern TOTAL = Pattern.compile(
            "^\\| \\*\\*All files\\*\\* \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$");
    private static final Pattern SECTION = Pattern.compile("^### `((?:tokio|tokio-util)/tests/\\w+\\.rs)`$");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("^- `(\\w+(?:::\\w+)*)`: \\S.*$");
    private static final Pattern DISABLED = Pattern.compile("(?m)^\\s*@Disabled\\b");
    private static final Pattern RUNS_IN_SIMULATION = Pattern.compile(
            "@(CurrentThreadTest|MultiThreadTest|SimTest)\\b|// (Real runtime|Own simulations): \\S");

    @Test
    void theReadmeTableCountsWhatIsTranslatedAndWhatIsNotApplicable() throws IOException {
        Map<String, TreeSet<String>> translated = translatedTests();
        List<String> readme = Files.readAllLines(MODULE.resolve("README.md"));
        Map<String, int[]> rows = new TreeMap<>();
        int[] total = null;
        Map<String, TreeSet<String>> notApplicable = new TreeMap<>();
        String section = null;
        for (String line : readme) {
            Matcher row = ROW.matcher(line);
            Matcher sum = TOTAL.matcher(line);
            Matcher heading = SECTION.matcher(line);
            Matcher item = NOT_APPLICABLE.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), new int[] {Integer.parseInt(row.group(2)), Integer.parseInt(row.group(3)),
                        Integer.parseInt(row.group(4)), Integer.parseInt(row.group(5))});
            } else if (sum.matches()) {
                total = new int[] {Integer.parseInt(sum.group(1)), Integer.parseInt(sum.group(2)),
                        Integer.parseInt(sum.group(3)), Integer.parseInt(sum.group(4))};
            } else if (heading.matches()) {
                section = heading.group(1);
            } else if (line.startsWith("## ")) {
                section = null;
            } else if (section != null && item.matches()) {
                assertTrue(notApplicable.computeIfAbsent(section, s -> new TreeSet<>()).add(item.group(1)),
                        section + " lists " + item.group(1) + " as not applicable twice");
            }
        }
        assertTrue(translated.keySet().stream().allMatch(rows::containsKey),
                "tests translated from files the table has no row for: " + new TreeSet<>(translated.keySet()).stream()
                        .filter(f -> !rows.containsKey(f)).toList());
        assertTrue(rows.keySet().containsAll(notApplicable.keySet()),
                "not-applicable sections for files the table has no row for: " + notApplicable.keySet());
        int[] sums = new int[4];
        for (Map.Entry<String, int[]> entry : rows.entrySet()) {
            String file = entry.getKey();
            int[] counts = entry.getValue();
            TreeSet<String> done = translated.getOrDefault(file, new TreeSet<>());
            TreeSet<String> skipped = notApplicable.getOrDefault(file, new TreeSet<>());
            TreeSet<String> both = new TreeSet<>(done);
            both.retainAll(skipped);
            assertEquals(List.of(), List.copyOf(both), file + ": translated and also listed as not applicable");
            assertEquals(done.size(), counts[1], file + ": the row's translated count; translated here: " + done);
            assertEquals(counts[1], counts[2], file + ": every translated test runs in ./heddle test and passes there,"
                    + " so passing equals translated");
            assertEquals(skipped.size(), counts[3], file + ": the row's not-applicable count; listed: " + skipped);
            assertEquals(counts[0], counts[1] + counts[3], file + ": Tokio's tests are neither translated nor listed"
                    + " as not applicable");
            for (int i = 0; i < 4; i++) {
                sums[i] += counts[i];
            }
        }
        if (total == null) {
            fail("README.md has no '| **All files** | ...' row");
        }
        assertEquals(List.of(sums[0], sums[1], sums[2], sums[3]), List.of(total[0], total[1], total[2], total[3]),
                "the All files row is not the sum of the rows");
    }

    /** Tokio test names per Tokio file, from the {@code // Tokio:} comments on the test methods here. */
    private static Map<String, TreeSet<String>> translatedTests() throws IOException {
        Map<String, TreeSet<String>> byFile = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (DISABLED.matcher(source).find()) {
                    problems.add(file.getFileName() + " disables a test: a translation passes or is not applicable");
                }
                Matcher port = PORT.matcher(source);
                int ports = 0;
                while (port.find()) {
                    ports++;
                    String tokioName = port.group(1);
                    String method = port.group(4);
                    if (!method.equals(javaName(tokioName))) {
                        problems.add(file.getFileName() + ": " + method + " translates " + tokioName
                                + ", so it is named " + javaName(tokioName));
                    }
                    if (!RUNS_IN_SIMULATION.matcher(port.group(3)).find()) {
                        problems.add(file.getFileName() + ": " + method + " is not a @CurrentThreadTest,"
                                + " @MultiThreadTest or @SimTest (or a test with a '// Real runtime: why' or"
                                + " '// Own simulations: why' line)");
                    }
                    if (!byFile.computeIfAbsent(port.group(2), f -> new TreeSet<>()).add(tokioName)) {
                        problems.add(file.getFileName() + ": " + tokioName + " of " + port.group(2)
                                + " is translated twice");
                    }
                }
                long markers = source.lines().filter(l -> l.strip().startsWith("// Tokio: ")).count();
                if (markers != ports) {
                    problems.add(file.getFileName() + ": " + markers + " '// Tokio:' comments but " + ports
                            + " directly above a test method, as 'name, tokio/tests/file.rs'");
                }
            }
        }
        assertEquals(List.of(), problems);
        return byFile;
    }

    /**
     * {@code send_recv_with_buffer} as a Java method name: {@code sendRecvWithBuffer}. A test in a
     * Rust module, {@code spawn_local::spawn_then_join_next}, keeps its module in the name
     * ({@code spawnLocalSpawnThenJoinNext}), as Tokio repeats test names across modules.
     */
    static String javaName(String tokioName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : tokioName.toCharArray()) {
            if (c == '_' || c == ':') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
