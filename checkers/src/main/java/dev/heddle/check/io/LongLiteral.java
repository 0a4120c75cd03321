package dev.heddle.check.io;

import java.util.regex.Pattern;

/**
 * An integer written in a history, as a {@code long}: histories hold values as {@link Long}, so an
 * integer beyond its range is rejected naming the value, not misreported as "expected a number".
 */
final class LongLiteral {
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");

    private LongLiteral() {
    }

    /** Whether {@code text} is written as an integer: an optional minus and digits. */
    static boolean looksLikeInteger(String text) {
        return DIGITS.matcher(text).matches();
    }

    /** The value of {@code digits} (an optional minus and digits). */
    static long parse(String digits) throws LineSyntaxException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new LineSyntaxException(tooLarge(digits));
        }
    }

    /** The problem with {@code digits}, an integer beyond a {@code long}. */
    static String tooLarge(String digits) {
        return "integer " + digits + " is too large for a long (64 bits): integers in a history must lie between "
                + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
    }
}
