package dev.heddle.check.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens a report in {@link HeadlessChromium} and checks what its script drew. */
class HtmlReportBrowserTest {

    @Test
    void theBrowserShowsTheVerdictTheLanesAndTheFailingOperation(@TempDir Path dir) throws Exception {
        HeadlessChromium browser = HeadlessChromium.require("the HTML report");
        Path report = dir.resolve("report.html");
        Files.writeString(report, HtmlReport.render("bad register", HtmlReportTest.illegalRegister()));
        String dom = browser.dumpDom(dir, report.toUri().toString());

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
