package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every format reads back what it writes: the same operations, statuses and real-time order. */
class HistoryWritersTest {

    /** A register history every format can hold: touching and zero-length intervals, a crash, a failure. */
    private static final History REGISTER = History.of(
            Operation.ok(0, "write", null, 1L, null, 0, 10),
            Operation.ok(1, "read", null, null, 1L, 10, 10),
            Operation.ok(2, "read", null, null, null, 2, 4),
            Operation.unknown(2, "write", null, 2L, 5),
            Operation.ok(2, "read", null, null, 2L, 20, 30),
            new Operation(0, "write", null, 3L, null, 10, 15, Status.FAILED),
            Operation.ok(1, "cas", null, List.of(1L, 4L), null, 12, 18),
            new Operation(3, "cas", null, List.of(7L, 8L), null, 11, 25, Status.FAILED),
            Operation.ok(0, "read", null, null, 4L, 15, 15));

    @ParameterizedTest
    @EnumSource(HistoryFormat.class)
    void aRegisterHistoryRoundTripsThroughEveryFormat(HistoryFormat format) throws Exception {
        String text = HistoryFiles.toText(REGISTER, format);
        History again = HistoryFiles.parse("again", text);
        assertSameOperationsAndOrder(REGISTER, again, text);
        assertEquals(checkCas(REGISTER), checkCas(again));
    }

    @Test
    void ednHoldsKeysStringsBooleansAndAnyOperationName() throws Exception {
        History history = History.of(
                Operation.ok(0, "append", "k\"1", "a b\n\\c", null, 0, 4),
                Operation.ok(1, "get", "k\"1", null, "a b\n\\c", 2, 6),
                Operation.ok(2, "cas", "x", List.of(1L, 2L), true, 1, 3),
                Operation.ok(3, "cas", "x", List.of(5L, 6L), false, 3, 7),
                Operation.ok(4, "add", null, 5L, true, 7, 8),
                new Operation(4, "remove", null, 9L, null, 9, 11, Status.FAILED),
                Operation.unknown(0, "put", "y", "z", 5),
                Operation.ok(0, "acquire", null, null, null, 12, 13));
        String text = HistoryFiles.toText(history, HistoryFormat.EDN);
        assertTrue(text.startsWith("{:process 0, :type :invoke, :f :append, :key \"k\\\"1\", :value \"a b\\n\\\\c\"}\n"), text);
        assertTrue(text.contains("{:process 0, :type :info, :f :put, :key \"y\", :value \"z\"}"), text);
        assertSameOperationsAndOrder(history, HistoryFiles.parse("again", text), text);
    }

    @Test
    void jepsenLogLinesWriteCasOutcomesAsJepsenDoes() throws Exception {
        History history = History.of(
                Operation.ok(0, "cas", null, List.of(1L, 2L), true, 0, 2),
                Operation.ok(1, "cas", null, List.of(3L, 4L), false, 1, 3),
                Operation.unknown(2, "write", null, 5L, 4));
        String text = HistoryFiles.toText(history, HistoryFormat.JEPSEN_LOG);
        assertEquals("""
                INFO  jepsen.util - 0\t:invoke\t:cas\t[1 2]
                INFO  jepsen.util - 1\t:invoke\t:cas\t[3 4]
                INFO  jepsen.util - 0\t:ok\t:cas\t[1 2]
                INFO  jepsen.util - 1\t:fail\t:cas\t[3 4]
                INFO  jepsen.util - 2\t:invoke\t:write\t5
                INFO  jepsen.util - 2\t:info\t:write\t:timed-out
                """, text);
        History expected = History.of(
                Operation.ok(0, "cas", null, List.of(1L, 2L), null, 0, 2),
                new Operation(1, "cas", null, List.of(3L, 4L), null, 1, 3, Status.FAILED),
                Operation.unknown(2, "write", null, 5L, 4));
        assertSameOperationsAndOrder(expected, HistoryFiles.parse("again", text), text);
    }

    @Test
    void thePorcupineLogsRoundTripThroughEveryFormat() throws Exception {
        for (String name : List.of("etcd_ok.log", "etcd_bad.log")) {
            History original = HistoryFiles.read(HistoryFilesTest.resource(name));
            for (HistoryFormat format : HistoryFormat.values()) {
                String text = HistoryFiles.toText(original, format);
                History again = HistoryFiles.parse(name, text);
                assertSameOperationsAndOrder(original, again, text);
                assertEquals(checkCas(original), checkCas(again), name + " as " + format);
            }
        }
    }

    @Test
    void aHistoryTheLogFormatCannotHoldIsRefusedWithTheOperation() {
        History kv = History.of(Operation.ok(0, "append", "k", "a", null, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistoryFiles.toText(kv, HistoryFormat.JEPSEN_LOG));
        assertTrue(e.getMessage().contains("client 0 append \"k\" \"a\""), e.getMessage());
        assertTrue(e.getMessage().contains("not read, write or cas"), e.getMessage());
        assertTrue(e.getMessage().contains("write EDN (.edn) or JSON lines"), e.getMessage());
        History stringRead = History.of(Operation.ok(0, "read", null, null, "x", 0, 1));
        e = assertThrows(IllegalArgumentException.class, () -> HistoryFiles.toText(stringRead, HistoryFormat.JEPSEN_LOG));
        assertTrue(e.getMessage().contains("its output is not nil or an integer"), e.getMessage());
    }

    @Test
    void aClientWithTwoOperationsAtOnceIsRefusedByTheJepsenFormats() {
        History overlapping = History.of(Operation.ok(0, "write", null, 1L, null, 0, 10),
                Operation.ok(0, "write", null, 2L, null, 5, 6));
        for (HistoryFormat format : List.of(HistoryFormat.EDN, HistoryFormat.JEPSEN_LOG)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HistoryFiles.toText(overlapping, format));
            assertTrue(e.getMessage().contains("client 0 has two operations at once"), e.getMessage());
        }
    }

    @Test
    void writeChoosesTheFormatFromTheExtension(@TempDir Path dir) throws Exception {
        Map<String, String> firstLines = Map.of(
                "h.jsonl", "{\"client\":0,\"f\":\"write\",\"input\":1,\"call\":0,\"return\":10,\"status\":\"ok\"}",
                "h.edn", "{:process 0, :type :invoke, :f :write, :value 1}",
                "h.log", "INFO  jepsen.util - 0\t:invoke\t:write\t1");
        for (Map.Entry<String, String> entry : firstLines.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            HistoryFiles.write(REGISTER, file);
            assertEquals(entry.getValue(), Files.readAllLines(file).getFirst(), entry.getKey());
            assertSameOperationsAndOrder(REGISTER, HistoryFiles.read(file), entry.getKey());
        }
    }

    private static Object checkCas(History history) {
        return LinearizabilityChecker.of(Models.casRegister()).check(history).verdict();
    }

    /**
     * Positions differ between formats (Jepsen formats number events), so this compares what
     * the checker uses: each operation without its positions, and which operations precede which.
     * One client's operations that touch ({@code a.ret == b.call}) may come out ordered: a Jepsen
     * process completes one operation before it invokes the next.
     */
    static void assertSameOperationsAndOrder(History expected, History actual, String text) {
        Map<Operation, Operation> expectedByContent = byContent(expected);
        Map<Operation, Operation> actualByContent = byContent(actual);
        assertEquals(expectedByContent.keySet(), actualByContent.keySet(), text);
        for (Operation a : expectedByContent.keySet()) {
            for (Operation b : expectedByContent.keySet()) {
                Operation x = expectedByContent.get(a);
                Operation y = expectedByContent.get(b);
                if (x != y && x.client() == y.client() && x.ret() == y.call()) {
                    continue;
                }
                boolean before = x.ret() < y.call();
                boolean beforeAgain = actualByContent.get(a).ret() < actualByContent.get(b).call();
                assertEquals(before, beforeAgain, a + " before " + b + " in\n" + text);
            }
        }
    }

    private static Map<Operation, Operation> byContent(History history) {
        Map<Operation, Operation> byContent = new HashMap<>();
        for (Operation op : history.operations()) {
            Operation content = new Operation(op.client(), op.f(), op.key(), op.input(),
                    op.status() == Status.OK ? op.output() : null, 0, 0, op.status());
            assertEquals(null, byContent.put(content, op), "the test needs distinct operations: " + op);
        }
        return byContent;
    }
}
