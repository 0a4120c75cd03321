package dev.heddle.junit.fuzz;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a fuzz run prints at its end: the seeds run, then one paragraph per signature group (one
 * bug: its test, how many seeds, which strategies found it, its first seed's folder and rerun
 * command), then where the reports are.
 */
final class FuzzReport {
    private FuzzReport() {}

    static void print(FuzzSummary summary, Path out, PrintStream to) {
        double seconds = summary.wallMillis() / 1000.0;
        int tests = summary.tests().size();
        to.printf(Locale.ROOT, "heddle fuzz: %d test%s, %d seeds in %.1f s (%.0f seeds/s), %d checked twice for"
                        + " determinism; shards %s%n", tests, tests == 1 ? "" : "s", summary.seeds(), seconds,
                summary.seeds() / Math.max(seconds, 1e-3), summary.checkedTwice(), String.join(" ", summary.shards()));
        for (TestTally t : summary.tests()) {
            if (!t.faults().isEmpty()) {
                to.println("faults fired in the seeds that passed, " + t.test() + ": " + FaultCounts.line(t.faults()));
            }
        }
        List<SignatureGroup> groups = summary.groups();
        List<SignatureGroup> bugs = groups.stream().filter(g -> !g.canary()).toList();
        if (summary.canary()) {
            to.println(summary.canaryCaught()
                    ? "canary: caught (" + groups.stream().filter(SignatureGroup::canary)
                            .mapToInt(g -> g.failures().size()).sum() + " seeds), so failures reach this report"
                    : "canary: NOT caught: the built-in test that must fail passed every seed, so a failure may not"
                            + " reach this report; look at the forks' logs in " + out.resolve("forks"));
        }
        if (bugs.isEmpty()) {
            to.println(summary.exitCode() != 0 ? "FAILED" : summary.canary() ? "PASSED: no seed failed but the canary's"
                    : "PASSED: no seed failed");
        } else {
            long seeds = bugs.stream().mapToLong(g -> g.failures().size()).sum();
            to.println("FAILED: " + seeds + " seeds fail, " + bugs.size() + " signature" + (bugs.size() == 1 ? "" : "s")
                    + " (one bug each):");
        }
        int n = 0;
        for (SignatureGroup g : groups) {
            FuzzFailure first = g.first();
            to.println("  [" + ++n + "] " + g.test() + (g.canary() ? " (the canary)" : "") + ": " + g.failures().size()
                    + " seed" + (g.failures().size() == 1 ? "" : "s") + ", " + first.kind());
            to.println("      signature:  " + g.signature());
            to.println("      strategies: " + g.strategies().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
            to.println("      first seed: " + (first.seed().isEmpty() ? "none" : first.seed()) + ", "
                    + out.resolve(first.folder()));
            to.println("      " + first.headline());
            if (!first.rerun().isEmpty()) {
                to.println("      rerun: " + first.rerun());
            }
        }
        to.println("reports: " + out.resolve(FuzzSummary.FILE) + ", " + out.resolve(JunitXmlReport.FILE));
    }
}
