package dev.heddle.net.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes RESP2 replies. Replies are gathered in memory and sent by {@link #flush()}, so the
 * replies to a pipelined batch of commands leave together, as Redis sends them.
 */
final class RespWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    RespWriter(OutputStream out) {
        this.out = out;
    }

    /** {@code +OK}: a status reply. */
    void simple(String status) {
        line('+', status);
    }

    /** {@code -ERR ...}: an error reply; {@code message} starts with its code (ERR, WRONGTYPE, NOPROTO...). */
    void error(String message) {
        line('-', message);
    }

    /** {@code :42}. */
    void integer(long value) {
        line(':', Long.toString(value));
    }

    /** {@code $5\r\nhello}, or the null bulk string {@code $-1} for a null {@code value}. */
    void bulk(byte[] value) {
        if (value == null) {
            line('$', "-1");
            return;
        }
        line('$', Integer.toString(value.length));
        pending.writeBytes(value);
        pending.writeBytes(CRLF);
    }

    /** A bulk string of {@code text} in UTF-8. */
    void bulk(String text) {
        bulk(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code *n}: the header of an array whose {@code length} elements the next calls write. */
    void arrayHeader(int length) {
        line('*', Integer.toString(length));
    }

    /** Sends every reply gathered since the last flush. */
    void flush() throws IOException {
        pending.writeTo(out);
        pending.reset();
        out.flush();
    }

    private void line(char type, String text) {
        pending.write(type);
        pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        pending.writeBytes(CRLF);
    }
}
