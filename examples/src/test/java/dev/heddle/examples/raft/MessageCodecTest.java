package dev.heddle.examples.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.examples.raft.Message.AppendEntries;
import dev.heddle.examples.raft.Message.AppendReply;
import dev.heddle.examples.raft.Message.ClientReply;
import dev.heddle.examples.raft.Message.ClientRequest;
import dev.heddle.examples.raft.Message.RequestVote;
import dev.heddle.examples.raft.Message.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every message, and a log entry as the durable store keeps it, reads back as it was written. */
class MessageCodecTest {
    private static final Command CAS = new Command(Command.Kind.CAS, 3, 17, "x", "c3-17;", "c1-2;");

    @Test
    void everyMessageReadsBackEqual() {
        List<Message> messages = List.of(
                new RequestVote(7, "n2", 41, 6),
                new Vote(7, "n3", true),
                new AppendEntries(7, "n2", 40, 6, List.of(new LogEntry(6, CAS), new LogEntry(7, Command.noop())), 39),
                new AppendEntries(7, "n2", 0, 0, List.of(), 0),
                new AppendReply(7, "n1", false, 12),
                new ClientRequest(new Command(Command.Kind.GET, 1, 1, "y", null, null)),
                new ClientReply(3, 17, true, "true", "n2"),
                new ClientReply(3, 18, false, null, null));
        for (Message message : messages) {
            assertEquals(message, MessageCodec.decode(MessageCodec.encode(message)));
        }
        LogEntry entry = new LogEntry(9, CAS);
        assertEquals(entry, MessageCodec.decodeEntry(MessageCodec.encodeEntry(entry)));
    }

    @Test
    void anUnknownTagIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.decode(new byte[] {42}));
        assertTrue(e.getMessage().contains("unknown message tag 42"), e.getMessage());
    }
}
