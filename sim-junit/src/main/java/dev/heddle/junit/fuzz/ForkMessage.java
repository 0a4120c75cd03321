package dev.heddle.junit.fuzz;

import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line between the fuzz runner and a fork: the runner's commands on the fork's standard
 * input, the fork's reports on its standard output. A line is {@value #PREFIX} then the kind and
 * its fields, separated by tabs, with tab, newline and backslash escaped, so that a multi-line
 * failure report is one line, and the lines a JVM itself prints there (a fatal error's banner)
 * are told apart from the protocol's.
 *
 * <p>Commands: {@code run UNIQUE_ID TEST FIRST_SEED COUNT MILLIS} (run up to COUNT seeds of the
 * test from FIRST_SEED, for at most MILLIS of wall time when MILLIS is above 0) and {@code quit}.
 * Reports: {@code ready} once the fork has started; {@code passed SEED CHECKED_TWICE FAULTS} per
 * seed that passed (FAULTS: {@code kind=count} pairs joined by commas, {@link FaultCounts}); {@code failed SEED KIND STRATEGY SIGNATURE HEADLINE RERUN} per seed that
 * failed, its folder written; {@code broken REPORT} when the test failed outside any seed (its class
 * cannot be built, a {@code @BeforeEach} throws), which every seed would repeat; and
 * {@code done} at the end of a {@code run}.
 */
record ForkMessage(String kind, List<String> fields) {
    static final String PREFIX = "heddle-fuzz ";

    static ForkMessage of(String kind, Object... fields) {
        List<String> texts = new ArrayList<>();
        for (Object f : fields) {
            texts.add(String.valueOf(f));
        }
        return new ForkMessage(kind, texts);
    }

    String field(int i) {
        return fields.get(i);
    }

    /** Field {@code i}, a number in decimal or a seed as printed ({@code 0x2a}). */
    long number(int i) {
        return Simulation.parseSeed(fields.get(i));
    }

    String line() {
        StringBuilder sb = new StringBuilder(PREFIX).append(kind);
        for (String f : fields) {
            sb.append('\t').append(f.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r"));
        }
        return sb.toString();
    }

    /** The message on {@code line}; empty for a line that is not the protocol's. */
    static Optional<ForkMessage> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split("\t", -1);
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            fields.add(unescape(parts[i]));
        }
        return Optional.of(new ForkMessage(parts[0], fields));
    }

    private static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                sb.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
