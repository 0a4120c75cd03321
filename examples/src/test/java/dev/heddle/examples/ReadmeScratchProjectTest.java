package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your first simulation test", followed as a user outside this repository follows it: a new Maven
 * project made of the README's own pom snippets and its {@code InventoryTest}, built by the {@code mvn} on the
 * {@code PATH} against the Heddle artifacts this build installed. It must compile, run the test under Surefire (a
 * Surefire that runs no JUnit 5 test would pass), and fail with the seed line and the rerun command the README
 * prints. {@link ReadmeExampleTest} checks the same lines in-process; this checks that the set-up around them works.
 *
 * <p>One Maven build inside this one, about ten seconds; the suite installs the libraries before this module's tests
 * run ({@code ./heddle test} runs {@code mvn install}). Skip it with {@code -Dheddle.skipScratchProject=true}.
 */
@DisabledIfSystemProperty(named = "heddle.skipScratchProject", matches = "true")
class ReadmeScratchProjectTest {

    /** Only against a hang: the inner build takes seconds. */
    private static final Duration HANG_BOUND = Duration.ofMinutes(5);
    private static final String SECTION = "## Your first simulation test";

    /** One fenced block of the README: its language ({@code ""} when none) and its text. */
    private record Fence(String language, String text) {}

    @Test
    void theReadmesFirstTestFailsAsDocumentedInANewMavenProject(@TempDir Path scratch) throws Exception {
        List<Fence> fences = sectionFences(readme());
        int javaAt = indexOf(fences, "java", "class InventoryTest");
        List<String> pomParts = new ArrayList<>();
        for (Fence fence : fences.subList(0, javaAt)) {
            if (fence.language().equals("xml")) {
                pomParts.add(fence.text());
            }
        }
        assertEquals(3, pomParts.size(), "the README's set-up is three pom snippets (BOM import, dependencies,"
                + " plugins) before InventoryTest, found: " + pomParts);
        String junitVersion = System.getProperty("heddle.junitVersion");
        if (junitVersion != null) {
            assertEquals(junitVersion, junitJupiterVersion(String.join("\n", pomParts)),
                    "the README's junit-jupiter version should be the one Heddle is built and tested with");
        }
        Fence expected = fences.subList(javaAt, fences.size()).stream()
                .filter(f -> f.language().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no ``` block with the failure after InventoryTest"));

        Path project = scratch.resolve("project");
        Files.createDirectories(project.resolve("src/test/java"));
        Files.writeString(project.resolve("pom.xml"), pom(pomParts));
        Files.writeString(project.resolve("src/test/java/InventoryTest.java"), fences.get(javaAt).text());

        Path log = scratch.resolve("mvn.log");
        int exit = runMaven(project, log);
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertNotEquals(0, exit, "the README's test fails on purpose, but the build passed:\n" + output);
        Path report = project.resolve("target/surefire-reports/InventoryTest.txt");
        assertTrue(Files.exists(report), "Surefire ran no InventoryTest (no " + report + "):\n" + output);
        String counts = Files.readString(report);
        assertTrue(counts.contains("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0"),
                "one test, failed by its assertion (an error would be a broken set-up):\n" + counts);
        List<String> outputLines = output.lines().toList();
        for (String line : expected.text().lines().toList()) {
            assertTrue(outputLines.contains(line), "the build's output lacks the README's line\n" + line
                    + "\n--- output:\n" + output);
        }
        String seed = expected.text().substring("seed=".length(), expected.text().indexOf(' '));
        Path seedFile = project.resolve("target/heddle/InventoryTest#reservationsAreNotLost.seed");
        assertEquals(seed, Files.readString(seedFile).strip(), "the README's seed file holds the failing seed");
    }

    /** Runs {@code mvn test} in {@code project} with this JVM's JDK and this build's local repository. */
    private static int runMaven(Path project, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenOnPath(), "-B", "-q", "-Dstyle.color=never"));
        String repository = System.getProperty("heddle.localRepo");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        if ("offline=true".equals(System.getProperty("heddle.offline"))) {
            command.add("-o");
        }
        command.add("test");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        if (!maven.waitFor(HANG_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not end within " + HANG_BOUND + " in " + project + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        int exit = maven.exitValue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (output.contains("Could not resolve dependencies") || output.contains("Non-resolvable import POM")) {
            fail("the scratch project could not resolve Heddle from " + (repository == null ? "~/.m2" : repository)
                    + ": this build's install phase puts it there before these tests (./heddle test, or mvn install"
                    + " from the root):\n" + output);
        }
        return exit;
    }

    private static String mavenOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        String name = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(name + " is not on the PATH (" + path + "); this test builds the README's example"
                + " with Maven: put Maven 3.8 or newer on the PATH, or skip it with -Dheddle.skipScratchProject=true");
    }

    /** A new project's pom: coordinates of its own, and the README's snippets as they are. */
    private static String pom(List<String> parts) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>inventory</artifactId>
                  <version>1.0</version>
                %s
                </project>
                """.formatted(String.join("\n", parts));
    }

    private static String junitJupiterVersion(String pom) {
        Matcher m = Pattern.compile("<artifactId>junit-jupiter</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "the README's pom snippets give junit-jupiter no version:\n" + pom);
        return m.group(1);
    }

    private static String readme() throws IOException {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return Files.readString(module.getParent().resolve("README.md"));
    }

    /** The fenced blocks from the section's heading to the next section's. */
    private static List<Fence> sectionFences(String readme) {
        List<String> lines = readme.lines().toList();
        int start = lines.indexOf(SECTION);
        assertTrue(start >= 0, "README.md has no line '" + SECTION + "'");
        List<Fence> fences = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).startsWith("```")) {
                String language = lines.get(i).substring(3).strip();
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                fences.add(new Fence(language, text.toString()));
            }
        }
        return fences;
    }

    private static int indexOf(List<Fence> fences, String language, String containing) {
        for (int i = 0; i < fences.size(); i++) {
            if (fences.get(i).language().equals(language) && fences.get(i).text().contains(containing)) {
                return i;
            }
        }
        throw new AssertionError("the section '" + SECTION + "' has no " + language + " block with '" + containing
                + "'");
    }
}
