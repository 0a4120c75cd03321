package dev.heddle.examples.raft;

import dev.heddle.examples.raft.Message.AppendEntries;
import dev.heddle.examples.raft.Message.AppendReply;
import dev.heddle.examples.raft.Message.ClientReply;
import dev.heddle.examples.raft.Message.ClientRequest;
import dev.heddle.examples.raft.Message.RequestVote;
import dev.heddle.examples.raft.Message.Vote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages to bytes and back: a tag byte, then the fields in order, with {@link DataOutputStream}.
 * Log entries are encoded the same way for the durable store, so what a node persists is what
 * it would send.
 */
final class MessageCodec {
    private static final int REQUEST_VOTE = 1;
    private static final int VOTE = 2;
    private static final int APPEND_ENTRIES = 3;
    private static final int APPEND_REPLY = 4;
    private static final int CLIENT_REQUEST = 5;
    private static final int CLIENT_REPLY = 6;

    private MessageCodec() {}

    static byte[] encode(Message message) {
        return write(out -> {
            switch (message) {
                case RequestVote m -> {
                    out.writeByte(REQUEST_VOTE);
                    out.writeLong(m.term());
                    out.writeUTF(m.candidate());
                    out.writeInt(m.lastIndex());
                    out.writeLong(m.lastTerm());
                }
                case Vote m -> {
                    out.writeByte(VOTE);
                    out.writeLong(m.term());
                    out.writeUTF(m.voter());
                    out.writeBoolean(m.granted());
                }
                case AppendEntries m -> {
                    out.writeByte(APPEND_ENTRIES);
                    out.writeLong(m.term());
                    out.writeUTF(m.leader());
                    out.writeInt(m.prevIndex());
                    out.writeLong(m.prevTerm());
                    out.writeInt(m.entries().size());
                    for (LogEntry entry : m.entries()) {
                        writeEntry(out, entry);
                    }
                    out.writeInt(m.leaderCommit());
                }
                case AppendReply m -> {
                    out.writeByte(APPEND_REPLY);
                    out.writeLong(m.term());
                    out.writeUTF(m.follower());
                    out.writeBoolean(m.success());
                    out.writeInt(m.matchIndex());
                }
                case ClientRequest m -> {
                    out.writeByte(CLIENT_REQUEST);
                    writeCommand(out, m.command());
                }
                case ClientReply m -> {
                    out.writeByte(CLIENT_REPLY);
                    out.writeInt(m.client());
                    out.writeLong(m.request());
                    out.writeBoolean(m.ok());
                    writeNullable(out, m.result());
                    writeNullable(out, m.leaderHint());
                }
            }
        });
    }

    static Message decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int tag = in.readByte();
            return switch (tag) {
                case REQUEST_VOTE -> new RequestVote(in.readLong(), in.readUTF(), in.readInt(), in.readLong());
                case VOTE -> new Vote(in.readLong(), in.readUTF(), in.readBoolean());
                case APPEND_ENTRIES -> {
                    long term = in.readLong();
                    String leader = in.readUTF();
                    int prevIndex = in.readInt();
                    long prevTerm = in.readLong();
                    int n = in.readInt();
                    List<LogEntry> entries = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        entries.add(readEntry(in));
                    }
                    yield new AppendEntries(term, leader, prevIndex, prevTerm, entries, in.readInt());
                }
                case APPEND_REPLY -> new AppendReply(in.readLong(), in.readUTF(), in.readBoolean(), in.readInt());
                case CLIENT_REQUEST -> new ClientRequest(readCommand(in));
                case CLIENT_REPLY -> new ClientReply(in.readInt(), in.readLong(), in.readBoolean(), readNullable(in),
                        readNullable(in));
                default -> throw new IllegalArgumentException("unknown message tag " + tag + " in a datagram of "
                        + bytes.length + " bytes");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("a truncated message of " + bytes.length + " bytes", e);
        }
    }

    static byte[] encodeEntry(LogEntry entry) {
        return write(out -> writeEntry(out, entry));
    }

    static LogEntry decodeEntry(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return readEntry(in);
        } catch (IOException e) {
            throw new UncheckedIOException("a truncated log entry of " + bytes.length + " bytes", e);
        }
    }

    private static void writeEntry(DataOutputStream out, LogEntry entry) throws IOException {
        out.writeLong(entry.term());
        writeCommand(out, entry.command());
    }

    private static LogEntry readEntry(DataInputStream in) throws IOException {
        return new LogEntry(in.readLong(), readCommand(in));
    }

    private static void writeCommand(DataOutputStream out, Command c) throws IOException {
        out.writeByte(c.kind().ordinal());
        out.writeInt(c.client());
        out.writeLong(c.request());
        writeNullable(out, c.key());
        writeNullable(out, c.value());
        writeNullable(out, c.expected());
    }

    private static Command readCommand(DataInputStream in) throws IOException {
        Command.Kind kind = Command.Kind.values()[in.readByte()];
        return new Command(kind, in.readInt(), in.readLong(), readNullable(in), readNullable(in), readNullable(in));
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
