package dev.heddle.junit;

import dev.heddle.sim.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeds that once failed a test class, kept in a file beside its sources and run before its
 * sweep on every later run, as proptest keeps its regressions: a random sweep moves on to other
 * seeds ({@code heddle.firstSeed=random}, a longer CI sweep), and a bug it found once stays tested
 * once the file is committed, long after it is fixed.
 *
 * <p>The file is {@code <binary class name>.seeds} in {@value #DEFAULT_DIRECTORY} (relative to the
 * test JVM's working directory, the module's folder under Maven and Gradle), or in the folder
 * named by {@value #DIRECTORY_PROPERTY}; {@code -D}{@value #DIRECTORY_PROPERTY}{@code =none} neither
 * reads nor writes one. Without that property and without a {@code src/test} folder, nothing is
 * written and the failure says why. A line is {@code METHOD SEED [-Dheddle.NAME=VALUE ...] [# what
 * failed]}: the settings are those the failure's rerun command names, so that the seed runs again
 * as it failed, under the strategy a portfolio gave it for one.
 */
final class RegressionSeeds {
    static final String DIRECTORY_PROPERTY = "heddle.regressionDir";
    static final String DEFAULT_DIRECTORY = "src/test/resources/heddle-regressions";
    private static final String NONE = "none";

    /** One saved seed of one method, with the {@code heddle.*} settings it failed under. */
    record Entry(String method, long seed, Map<String, String> properties, int line) {
    }

    private final Path file;
    /** Why no file is written, when {@link #file} is null. */
    private final String unsaved;

    private RegressionSeeds(Path file, String unsaved) {
        this.file = file;
        this.unsaved = unsaved;
    }

    /** The regression seeds of {@code testClass}; empty when {@value #DIRECTORY_PROPERTY} is {@code none}. */
    static Optional<RegressionSeeds> of(Class<?> testClass) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        String name = testClass.getName() + ".seeds";
        if (directory != null && !directory.isBlank()) {
            return directory.strip().equalsIgnoreCase(NONE) ? Optional.empty()
                    : Optional.of(new RegressionSeeds(Path.of(directory.strip(), name), null));
        }
        if (Files.isDirectory(Path.of("src", "test"))) {
            return Optional.of(new RegressionSeeds(Path.of(DEFAULT_DIRECTORY, name), null));
        }
        return Optional.of(new RegressionSeeds(null, "not saved as a regression seed: no src/test folder in "
                + Path.of("").toAbsolutePath() + " to keep " + DEFAULT_DIRECTORY + "/" + name + " in; name a folder"
                + " with -D" + DIRECTORY_PROPERTY + "=DIR (or 'none' to keep no regression seeds)"));
    }

    /** The file's path as the user sees it; empty when nothing is written. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The saved seeds of {@code method}, in the file's order; none when there is no file. */
    List<Entry> seedsOf(String method) {
        List<Entry> entries = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            return entries;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the regression seeds in " + file.toAbsolutePath() + ": " + e
                    + "; make it readable, or run without regression seeds with -D" + DIRECTORY_PROPERTY + "=none", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = parse(lines.get(i), i + 1);
            if (entry != null && entry.method().equals(method)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * Saves {@code seed} of {@code method} with its rerun {@code properties} ({@code -Dheddle.NAME=VALUE}),
     * unless saved already, and returns the line for the failure report that says where.
     */
    String save(String method, long seed, List<String> properties, String what) {
        if (file == null) {
            return unsaved;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String property : properties) {
            putSetting(settings, property);
        }
        String where = file + " (replayed first on every run of " + method + " from now on: commit the file to"
                + " keep the seed as a regression test)";
        for (Entry saved : seedsOf(method)) {
            if (saved.seed() == seed && saved.properties().equals(settings)) {
                return "regression seed: already saved in " + where;
            }
        }
        StringBuilder line = new StringBuilder();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                line.append("# Seeds that failed ").append(file.getFileName().toString().replaceFirst("\\.seeds$", ""))
                        .append(", run first by @SimTest on every run. A line: METHOD SEED [-Dheddle.NAME=VALUE ...]")
                        .append(" [# what failed]\n");
            }
            line.append(method).append(' ').append(Simulation.hex(seed));
            properties.forEach(p -> line.append(' ').append(p));
            line.append(" # ").append(what.replaceAll("\\s+", " ").strip()).append('\n');
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            return "not saved as a regression seed: cannot write " + file.toAbsolutePath() + ": " + e
                    + "; make it writable, or name another folder with -D" + DIRECTORY_PROPERTY + "=DIR";
        }
        return "regression seed: saved in " + where;
    }

    /** The entry on {@code text}, line {@code number} of the file; null for a comment or a blank line. */
    private Entry parse(String text, int number) {
        int hash = text.indexOf('#');
        String[] words = (hash < 0 ? text : text.substring(0, hash)).strip().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            return null;
        }
        if (words.length < 2) {
            throw badLine(number, text, "a method and a seed");
        }
        long seed;
        try {
            seed = Simulation.parseSeed(words[1]);
        } catch (IllegalArgumentException e) {
            throw badLine(number, text, "a seed (0x2a or 42) after the method, not '" + words[1] + "'");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            if (!putSetting(properties, words[i])) {
                throw badLine(number, text, "settings as -Dheddle.NAME=VALUE, not '" + words[i] + "'");
            }
        }
        return new Entry(words[0], seed, properties, number);
    }

    /** Puts {@code -Dheddle.NAME=VALUE} into {@code settings} as {@code heddle.NAME} to VALUE; false for another word. */
    private static boolean putSetting(Map<String, String> settings, String word) {
        int eq = word.indexOf('=');
        if (!word.startsWith("-Dheddle.") || eq < 0) {
            return false;
        }
        settings.put(word.substring(2, eq), word.substring(eq + 1));
        return true;
    }

    private IllegalArgumentException badLine(int number, String text, String expected) {
        return new IllegalArgumentException(file + ":" + number + ": expected " + expected + " in the regression"
                + " seed line '" + text + "'; the lines read METHOD SEED [-Dheddle.NAME=VALUE ...] [# comment]: fix"
                + " or delete the line");
    }
}
