package dev.heddle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.bench.bugs.BugCorpus;
import dev.heddle.bench.bugs.BugProgram;
import dev.heddle.bench.bugs.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./heddle bench bugs-small}'s output: a row per program, every configuration in it, the headline last. */
class BugsSmallBenchTest {
    @Test
    void printsARowPerProgramATableAndTheHeadlineLast() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BugsSmallBench.run(3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        List<String> rows = lines.stream().filter(l -> l.startsWith("row=")).toList();
        List<BugProgram> programs = BugCorpus.programs();
        assertEquals(programs.size(), rows.size(), String.join("\n", lines));
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(rows.get(i).startsWith("row=" + programs.get(i).name() + " kind="), rows.get(i));
            for (Configuration configuration : Configuration.benchmarked()) {
                assertTrue(rows.get(i).contains(" " + configuration.name() + "="), rows.get(i));
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("row=lost-update-plain ")
                && l.contains(" random=needs-agent ")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("found within 3 seeds")), String.join("\n", lines));
        assertEquals(Configuration.benchmarked().size(), lines.stream().filter(l -> l.startsWith("config=")).count());
        assertTrue(lines.getLast().matches("found_best_vs_random=\\d+/\\d+"), lines.getLast());
        assertTrue(lines.get(lines.size() - 2).startsWith("best="), lines.get(lines.size() - 2));
    }

    @Test
    void aBadArgumentIsRefusedNamingIt() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BugsSmallBench.main(new String[] {"--sedes", "5"}));
        assertTrue(unknown.getMessage().contains("'--sedes'"), unknown.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> BugsSmallBench.main(new String[] {"--seeds", "0"}));
        assertTrue(zero.getMessage().contains("was '0'"), zero.getMessage());
    }
}
