package dev.heddle.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wall-time duration as a user writes one, in {@code -Dheddle.duration} and in the fuzz
 * runner's {@code --duration} and {@code --hang-after}: a whole number with {@code ms}, {@code s},
 * {@code m} or {@code h}, or ISO-8601 as {@link Duration#parse} reads it. One syntax for both, so
 * that a budget moved from a sweep's property to a fuzz job's option means the same.
 */
public final class DurationText {
    /** Examples of the syntax, for the messages that reject a value. */
    public static final String EXAMPLES = "500ms, 30s, 10m, 2h or PT10M";

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationText() {}

    /** The duration {@code text} writes, which may be zero or negative; empty when it writes none. */
    public static Optional<Duration> parse(String text) {
        Matcher simple = SIMPLE.matcher(text.strip().toLowerCase(Locale.ROOT));
        try {
            return Optional.of(simple.matches() ? switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(Long.parseLong(simple.group(1)));
                case "s" -> Duration.ofSeconds(Long.parseLong(simple.group(1)));
                case "m" -> Duration.ofMinutes(Long.parseLong(simple.group(1)));
                default -> Duration.ofHours(Long.parseLong(simple.group(1)));
            } : Duration.parse(text.strip()));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
