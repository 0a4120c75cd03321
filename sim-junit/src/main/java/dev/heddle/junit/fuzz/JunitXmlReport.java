package dev.heddle.junit.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code junit.xml}: the run as a CI server's test report reads it (the Surefire/Ant format). A
 * test case per test that passed, and one per signature group, failing, so that 300 seeds of one
 * bug are one red line whose message gives the count, the first seed and its rerun command. A
 * fork that crashed or hung is an error, not a failure. The canary is a test case that passes
 * when its failure was caught.
 */
final class JunitXmlReport {
    static final String FILE = "junit.xml";

    private JunitXmlReport() {}

    static void write(Path out, FuzzSummary summary) throws IOException {
        List<SignatureGroup> groups = summary.groups().stream().filter(g -> !g.canary()).toList();
        long errors = groups.stream().filter(JunitXmlReport::isError).count();
        StringBuilder cases = new StringBuilder();
        int count = 0;
        for (TestTally t : summary.tests()) {
            boolean canary = t.test().startsWith(FuzzCanary.class.getName() + "#");
            List<SignatureGroup> own = groups.stream().filter(g -> g.test().equals(t.test())).toList();
            if (own.isEmpty() || canary) {
                count++;
                cases.append(testCase(t.test(), "", t.seeds() + " seeds"));
                if (canary && !summary.canaryCaught()) {
                    cases.append("      <failure message=\"the canary was not caught: failures do not reach this report\""
                            + " type=\"CANARY\"/>\n");
                }
                cases.append("    </testcase>\n");
            }
            for (SignatureGroup g : own) {
                count++;
                FuzzFailure first = g.first();
                String message = g.failures().size() + " of " + t.seeds() + " seeds fail: " + first.headline();
                cases.append(testCase(t.test(), " [" + g.signature() + "]", ""));
                cases.append("      <").append(isError(g) ? "error" : "failure").append(" message=\"")
                        .append(escape(message)).append("\" type=\"").append(escape(first.kind())).append("\">")
                        .append(escape("signature: " + g.signature() + "\nstrategies: " + g.strategies()
                                + "\nfirst seed: " + first.seed() + " (" + first.folder() + ")\nrerun: " + first.rerun()
                                + "\nseeds: " + String.join(" ", g.failures().stream().map(FuzzFailure::seed).toList())))
                        .append("</").append(isError(g) ? "error" : "failure").append(">\n    </testcase>\n");
            }
        }
        long failures = groups.size() - errors + (summary.canary() && !summary.canaryCaught() ? 1 : 0);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"heddle-fuzz\" tests=\"" + count
                + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"0\" time=\""
                + String.format(Locale.ROOT, "%.3f", summary.wallMillis() / 1000.0) + "\">\n  <properties>\n"
                + "    <property name=\"shards\" value=\"" + escape(String.join(" ", summary.shards())) + "\"/>\n"
                + "    <property name=\"seeds\" value=\"" + summary.seeds() + "\"/>\n"
                + "    <property name=\"checkedTwiceForDeterminism\" value=\"" + summary.checkedTwice() + "\"/>\n"
                + "  </properties>\n" + cases + "</testsuite>\n";
        Files.createDirectories(out);
        Files.writeString(out.resolve(FILE), xml);
    }

    private static boolean isError(SignatureGroup g) {
        return List.of("CRASH", "HANG", "BROKEN").contains(g.first().kind());
    }

    private static String testCase(String test, String suffix, String out) {
        int hash = test.indexOf('#');
        return "    <testcase classname=\"" + escape(test.substring(0, hash)) + "\" name=\""
                + escape(test.substring(hash + 1) + suffix) + "\">\n"
                + (out.isEmpty() ? "" : "      <system-out>" + escape(out) + "</system-out>\n");
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
