package dev.heddle.check.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A history file's bytes as text: UTF-8 without a byte-order mark. Editors on Windows start UTF-8
 * files with a mark, which is dropped; a file in another encoding is rejected naming the first bad
 * byte and its line, since the JDK's own error ("Input length = 1") says neither.
 */
final class Utf8Text {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {
    }

    static String decode(String source, byte[] bytes) throws HistoryFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new HistoryFormatException(source, line, "not UTF-8 text: byte 0x"
                    + String.format(Locale.ROOT, "%02x", bytes[offset] & 0xff) + " at offset " + offset
                    + " is not valid UTF-8; save the history as UTF-8");
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }
}
