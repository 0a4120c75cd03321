package dev.heddle.net.redis;

import java.nio.charset.StandardCharsets;

/**
 * Redis' strict reading of a signed 64-bit decimal (its {@code string2ll}): digits with an
 * optional leading minus, no plus sign, no spaces, no leading zeros. {@code Long.parseLong} is
 * laxer ({@code "+1"}, {@code "007"}), which Redis refuses.
 */
final class RedisInteger {
    private RedisInteger() {}

    /**
     * The value of {@code text}.
     *
     * @throws CommandError {@code ERR value is not an integer or out of range} if it is not one
     */
    static long parse(byte[] text) throws CommandError {
        int start = text.length > 0 && text[0] == '-' ? 1 : 0;
        boolean digitsOnly = text.length > start && text.length - start <= 19;
        for (int i = start; i < text.length && digitsOnly; i++) {
            digitsOnly = text[i] >= '0' && text[i] <= '9';
        }
        boolean leadingZero = text.length > start + 1 && text[start] == '0';
        boolean minusZero = start == 1 && text.length == 2 && text[1] == '0';
        if (!digitsOnly || leadingZero || minusZero) {
            throw notAnInteger();
        }
        try {
            return Long.parseLong(new String(text, StandardCharsets.US_ASCII));
        } catch (NumberFormatException outOfRange) {
            throw notAnInteger();
        }
    }

    private static CommandError notAnInteger() {
        return new CommandError("ERR value is not an integer or out of range");
    }
}
