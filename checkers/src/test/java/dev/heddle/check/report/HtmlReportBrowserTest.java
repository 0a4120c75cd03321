package dev.heddle.check.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a report in headless Chromium and checks what its script drew. Without Chromium it is
 * skipped, except on CI (the environment variable {@code CI} is {@code true}), where it fails, so
 * that CI cannot lose the check silently.
 */
class HtmlReportBrowserTest {
    private static final List<String> NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "chrome-headless-shell");
    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    private static Optional<Path> chromium() {
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

    private static Path requireChromium() {
        Optional<Path> browser = chromium();
        String missing = "no Chromium found: none of " + String.join(", ", NAMES) + " is on PATH and "
                + DEBIAN_CHROMIUM + " does not exist";
        if (browser.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail(missing + "; CI=true, so the browser check of the HTML report must run:"
                    + " install it (apt-get install chromium) in the CI image");
        }
        assumeTrue(browser.isPresent(), missing + "; skipping the browser check of the HTML report;"
                + " install it (apt-get install chromium) to run it");
        return browser.get();
    }

    @Test
    void theBrowserShowsTheVerdictTheLanesAndTheFailingOperation(@TempDir Path dir) throws Exception {
        Path browser = requireChromium();
        Path report = dir.resolve("report.html");
        Files.writeString(report, HtmlReport.render("bad register", HtmlReportTest.illegalRegister()));
        Path profile = Files.createDirectory(dir.resolve("profile"));
        Path domFile = dir.resolve("dom.html");
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", report.toUri().toString())
                .redirectOutput(domFile.toFile())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(browser + " did not finish within 120 s; its log: "
                    + Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8));
        }
        String dom = Files.readString(domFile, StandardCharsets.UTF_8);
        assertTrue(dom.contains("</html>"), "no DOM from " + browser + " (exit " + process.exitValue() + "); its log: "
                + Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8));

        assertTrue(dom.contains("<h1 class=\"verdict-NOT_LINEARIZABLE\" id=\"verdict\">bad register: NOT_LINEARIZABLE</h1>"), dom);
        assertEquals(3, count(dom, "class=\"lane-row\""), "one lane per client");
        Matcher failing = Pattern.compile("<div class=\"op ok attempted failing\"[^>]*>([^<]*)</div>").matcher(dom);
        assertTrue(failing.find(), dom);
        assertEquals("read -&gt; nil [40, 90]", failing.group(1));
        assertEquals(2, count(dom, " linearized\""), "the two operations of the longest prefix are numbered");
        assertTrue(dom.contains("State after the longest linearizable prefix: 200"), dom);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
