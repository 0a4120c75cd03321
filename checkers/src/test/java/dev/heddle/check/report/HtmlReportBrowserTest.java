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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Opens a report in headless Chromium and checks what its script drew. Skipped without Chromium. */
class HtmlReportBrowserTest {

    private static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void theBrowserShowsTheVerdictTheLanesAndTheFailingOperation(@TempDir Path dir) throws Exception {
        Optional<Path> browser = chromium();
        assumeTrue(browser.isPresent(), "Chromium not found on PATH (chromium, chromium-browser, google-chrome):"
                + " skipping the browser check of the HTML report; install it (apt-get install chromium) to run it");
        Path report = dir.resolve("report.html");
        Files.writeString(report, HtmlReport.render("bad register", HtmlReportTest.illegalRegister()));
        Path profile = Files.createDirectory(dir.resolve("profile"));
        Process process = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", report.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        String dom = new String(out, StandardCharsets.UTF_8);

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
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) count++;
        return count;
    }
}
