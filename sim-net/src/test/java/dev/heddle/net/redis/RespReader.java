package dev.heddle.net.redis;

import dev.heddle.net.TcpStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the commands a Redis client sends: RESP arrays of bulk strings ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}),
 * the only form client libraries use. Redis' inline commands (a bare text line, for telnet) are
 * refused as a protocol error, which a library never sends.
 *
 * <p>It buffers by itself rather than through a {@code BufferedInputStream}, whose reads hold
 * the stream's monitor while they wait for bytes: in a simulation that is a lock held across a
 * suspension point, which the simulator reports.
 */
final class RespReader {
    /** Redis' own default limit on one bulk string (proto-max-bulk-len, 512 MB). */
    private static final int MAX_BULK_LENGTH = 512 * 1024 * 1024;
    /** A bound on the element count of one command, far above what a client sends, as the list is sized from it. */
    private static final int MAX_ARGUMENTS = 1024 * 1024;

    private final TcpStream connection;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    RespReader(TcpStream connection) {
        this.connection = connection;
    }

    /**
     * The next command, its name first; null when the client ended the connection between commands.
     *
     * @throws ProtocolException if the bytes are not a RESP array of bulk strings, with a message
     *     in Redis' words, which the server sends back before closing the connection
     * @throws EOFException if the connection ends inside a command
     */
    List<byte[]> readCommand() throws IOException {
        long count = 0;
        while (count == 0) { // an empty array ("*0"), which Redis skips
            if (position == limit && !fill()) {
                return null;
            }
            int first = buffer[position++] & 0xFF;
            if (first != '*') {
                throw new ProtocolException("Protocol error: expected '*', got '" + (char) first + "'");
            }
            count = readLength("multibulk", MAX_ARGUMENTS);
        }
        List<byte[]> arguments = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int marker = readByte();
            if (marker != '$') {
                throw new ProtocolException("Protocol error: expected '$', got '" + (char) marker + "'");
            }
            byte[] argument = new byte[(int) readLength("bulk", MAX_BULK_LENGTH)];
            readFully(argument);
            if (readByte() != '\r' || readByte() != '\n') {
                throw new ProtocolException("Protocol error: bulk string not followed by CRLF");
            }
            arguments.add(argument);
        }
        return arguments;
    }

    /** Whether bytes of a next command are already here: the client pipelined, so replies can be sent together. */
    boolean hasBufferedInput() {
        return position < limit;
    }

    private long readLength(String what, int max) throws IOException {
        long value = 0;
        int digits = 0;
        int b;
        while ((b = readByte()) != '\r') {
            if (b < '0' || b > '9' || ++digits > 10) {
                throw new ProtocolException("Protocol error: invalid " + what + " length");
            }
            value = value * 10 + (b - '0');
        }
        if (readByte() != '\n' || digits == 0 || value > max) {
            throw new ProtocolException("Protocol error: invalid " + what + " length");
        }
        return value;
    }

    private void readFully(byte[] into) throws IOException {
        int done = 0;
        while (done < into.length) {
            if (position == limit && !fill()) {
                throw endedInsideACommand();
            }
            int count = Math.min(limit - position, into.length - done);
            System.arraycopy(buffer, position, into, done, count);
            position += count;
            done += count;
        }
    }

    private int readByte() throws IOException {
        if (position == limit && !fill()) {
            throw endedInsideACommand();
        }
        return buffer[position++] & 0xFF;
    }

    /** Reads what the connection has into the empty buffer, waiting for at least one byte; false at its end. */
    private boolean fill() throws IOException {
        int count = connection.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(count, 0);
        return count > 0;
    }

    private static EOFException endedInsideACommand() {
        return new EOFException("the client ended the connection inside a command");
    }
}
