package dev.heddle.check.report;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium, for the tests that open one of Heddle's pages (the linearizability report,
 * the trace timeline) and check what its script drew. Without Chromium such a test is skipped,
 * except on CI (the environment variable {@code CI} is {@code true}), where it fails, so that CI
 * cannot lose the check silently. {@code sim-net}'s tests reach it through this module's test jar.
 */
public final class HeadlessChromium {
    private static final List<String> NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "chrome-headless-shell");
    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path browser;

    private HeadlessChromium(Path browser) {
        this.browser = browser;
    }

    /**
     * The browser for the browser check of {@code page} ("the HTML report"), which is skipped
     * without one, or fails on CI.
     */
    public static HeadlessChromium require(String page) {
        Optional<Path> browser = find();
        String missing = "no Chromium found: none of " + String.join(", ", NAMES) + " is on PATH and "
                + DEBIAN_CHROMIUM + " does not exist";
        if (browser.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail(missing + "; CI=true, so the browser check of " + page + " must run:"
                    + " install it (apt-get install chromium) in the CI image");
        }
        assumeTrue(browser.isPresent(), missing + "; skipping the browser check of " + page + ";"
                + " install it (apt-get install chromium) to run it");
        return new HeadlessChromium(browser.get());
    }

    private static Optional<Path> find() {
        for (String name : NAMES) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Files.isExecutable(DEBIAN_CHROMIUM) ? Optional.of(DEBIAN_CHROMIUM) : Optional.empty();
    }

    /**
     * The DOM of the page at {@code url} once its script ran, with {@code flags} added to the
     * browser's (such as {@code --window-size=1600,1000}); the profile and the browser's log go in
     * {@code dir}. Fails, with the log, when the browser gives no DOM within 120 s.
     */
    public String dumpDom(Path dir, String url, String... flags) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path domFile = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"));
        command.addAll(List.of(flags));
        command.addAll(List.of("--user-data-dir=" + profile, "--dump-dom", url));
        Process process = new ProcessBuilder(command).redirectOutput(domFile.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(browser + " did not finish within 120 s; its log: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        String dom = Files.readString(domFile, StandardCharsets.UTF_8);
        assertTrue(dom.contains("</html>"), "no DOM from " + browser + " (exit " + process.exitValue() + "); its log: "
                + Files.readString(log, StandardCharsets.UTF_8));
        return dom;
    }
}
