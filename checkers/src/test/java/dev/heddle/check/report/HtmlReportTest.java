package dev.heddle.check.report;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Operation;
import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the report carries, checked without a browser. */
class HtmlReportTest {

    static CheckResult illegalRegister() {
        return LinearizabilityChecker.of(Models.register()).check(History.of(
                Operation.ok(0, "write", null, 200L, null, 0, 100),
                Operation.ok(1, "read", null, null, 200L, 10, 30),
                Operation.ok(2, "read", null, null, null, 40, 90)));
    }

    @Test
    void reportCarriesTheVerdictTheOperationsAndTheFailingOne() {
        String html = HtmlReport.render("bad <register>", illegalRegister());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>bad &lt;register&gt; - linearizability</title>"), "title escaped");
        assertTrue(html.contains("\"verdict\":\"NOT_LINEARIZABLE\""));
        assertTrue(html.contains("\"text\":\"read -> nil [40, 90]\",\"start\":3,\"end\":4,\"status\":\"ok\",\"order\":0,\"failing\":true"),
                html);
        assertTrue(html.contains("\"stateAfter\":\"200\""));
        assertFalse(html.contains("http://") || html.contains("https://"), "self-contained: no external resources");
    }

    @Test
    void scriptEndTagsInValuesCannotBreakOutOfTheDataBlock() {
        CheckResult result = LinearizabilityChecker.of(Models.register()).check(History.of(
                Operation.ok(0, "write", null, "</script><b>x", null, 0, 1)));
        String html = HtmlReport.render("x", result);
        assertFalse(html.contains("</script><b>"));
        assertTrue(html.contains("<\\/script><b>x"));
    }
}
