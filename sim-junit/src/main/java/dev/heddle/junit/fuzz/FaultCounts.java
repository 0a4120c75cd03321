package dev.heddle.junit.fuzz;

import java.util.Map;
import java.util.TreeMap;

/**
 * The faults fired over a test's seeds, by kind ({@code net.drop}, {@code host.crash}, ...): what
 * a fuzz run injected, summed from each seed that passed, for the summary and its last lines. On
 * the fork protocol a seed's counts travel as {@code kind=count} pairs joined by commas.
 */
final class FaultCounts {
    private FaultCounts() {}

    /** {@code counts} as the protocol's field; empty for none. */
    static String text(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((kind, count) -> sb.append(sb.isEmpty() ? "" : ",").append(kind).append('=').append(count));
        return sb.toString();
    }

    /** Adds the counts of the protocol's field {@code text} to {@code into}. */
    static void addText(String text, Map<String, Long> into) {
        if (text.isEmpty()) {
            return;
        }
        for (String pair : text.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("a fork sent the fault count '" + pair + "', not kind=count: is the"
                        + " classpath's sim-junit the runner's own version?");
            }
            into.merge(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)), Long::sum);
        }
    }

    /** {@code a} and {@code b} added up, by kind in name order. */
    static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((kind, count) -> sum.merge(kind, count, Long::sum));
        return sum;
    }

    /** {@code kind=count} pairs, most fired first, for a report line. */
    static String line(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((x, y) -> x + " " + y).orElse("none");
    }
}
