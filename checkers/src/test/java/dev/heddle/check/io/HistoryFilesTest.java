package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryFilesTest {

    static Path resource(String name) {
        return Path.of("src/test/resources/histories", name);
    }

    @Test
    void jepsenLogLinesBecomeOperations() throws Exception {
        History history = HistoryFiles.read(resource("etcd_ok.log"));
        assertEquals(7, history.size());
        List<Operation> ops = history.operations().stream().sorted(Comparator.comparingLong(Operation::call)).toList();
        assertEquals(Operation.ok(0, "read", null, null, null, 0, 2), ops.get(0));
        assertEquals(List.of(4L, 0L), ops.get(2).input());
        assertEquals(Status.FAILED, ops.get(3).status());
        assertEquals(Status.UNKNOWN, ops.get(4).status(), "an :info completion leaves it unknown");
        assertEquals(Operation.NEVER_RETURNED, ops.get(4).ret());
        assertEquals(Verdict.LINEARIZABLE, LinearizabilityChecker.of(Models.casRegister()).check(history).verdict());
        assertEquals(Verdict.NOT_LINEARIZABLE, LinearizabilityChecker.of(Models.casRegister())
                .check(HistoryFiles.read(resource("etcd_bad.log"))).verdict());
    }

    @Test
    void ednMapsBecomeOperations() throws Exception {
        History history = HistoryFiles.read(resource("kv_ok.edn"));
        assertEquals(6, history.size());
        Operation first = history.operations().stream().filter(op -> op.f().equals("append")).findFirst().orElseThrow();
        assertEquals("0", first.key());
        assertEquals("x 0 0 y", first.input());
        assertEquals(Verdict.LINEARIZABLE, LinearizabilityChecker.of(Models.keyValue()).check(history).verdict());
    }

    @Test
    void jsonLinesRoundTrip() throws Exception {
        History history = HistoryFiles.read(resource("register_bad.jsonl"));
        assertEquals(3, history.size());
        History again = HistoryFiles.parse("again", HistoryFiles.toText(history, HistoryFormat.JSON_LINES));
        assertEquals(history, again);
        History mixed = History.of(Operation.unknown(3, "cas", "k\"1", List.of(1L, 2L), 5),
                new Operation(1, "write", null, "a\nb", null, 1, 2, Status.FAILED));
        assertEquals(mixed, HistoryFiles.parse("mixed", HistoryFiles.toText(mixed, HistoryFormat.JSON_LINES)));
    }

    @Test
    void malformedLinesNameTheFileTheLineAndWhatWasExpected() {
        assertProblem("""
                {"client":0,"f":"write","input":1,"call":0,"return":1,"status":"ok"}
                {"client":0,"f":"write","input":1,"call":0,"status":"ok"}
                """, 2, "expected \"return\"");
        assertProblem("{\"client\":0,\"f\":\"read\",\"call\":0,\"return\":1,\"status\":\"done\"}", 1,
                "\"ok\", \"fail\" or \"unknown\"");
        assertProblem("{\"client\":0,\"fn\":\"read\"}", 1, "unknown field \"fn\"");
        assertProblem("{\"client\":0,\"f\":\"read\",\"call\":5,\"return\":1,\"status\":\"ok\"}", 1, "before its call");
        assertProblem("{\"client\":0, \"f\": [1,", 1, "expected a JSON value");
        assertProblem("{:process 0, :type :invoke, :f :read}\n{:process 0, :type :okay, :f :read}", 2,
                ":invoke, :ok, :fail or :info");
        assertProblem("{:process 0, :type :ok, :f :read, :value 1}", 1, "no pending invocation");
        assertProblem("{:process 0, :type :invoke, :f :read}\n{:process 0, :type :invoke, :f :read}", 2,
                "still pending");
        assertProblem("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:read\t[1 2 3]", 2,
                "nil, an integer, [from to] or :timed-out");
        assertProblem("INFO  jepsen.util - x\t:invoke\t:read\tnil", 1, "expected the process number");
        assertProblem("hello", 1, "not a history");
    }

    private static void assertProblem(String text, int line, String expected) {
        HistoryFormatException e = assertThrows(HistoryFormatException.class, () -> HistoryFiles.parse("h.txt", text));
        assertEquals("h.txt", e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("h.txt:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void nemesisEventsAreSkippedAsKnossosSkipsThem() throws Exception {
        History history = HistoryFiles.parse("h.edn", """
                {:process :nemesis, :type :info, :f :start, :value nil}
                {:process 0, :type :invoke, :f :write, :value 3}
                {:process :nemesis, :type :info, :f :start, :value [:isolated {"n1" #{"n2"}}]}
                {:process 0, :type :ok, :f :write, :value 3}
                {:process :nemesis, :type :info, :f :stop, :value nil}
                """);
        assertEquals(History.of(Operation.ok(0, "write", null, 3L, null, 0, 1)), history);
        assertProblem("{:process :client, :type :invoke, :f :read}", 1, "expected :process with an integer (or :nemesis");
    }

    @Test
    void jepsenLogLinesThatAreNotClientEventsAreSkippedAsPorcupineSkipsThem() throws Exception {
        History history = HistoryFiles.parse("h.log", """
                INFO  jepsen.core - Running test etcd
                INFO  jepsen.util - 0\t:invoke\t:write\t3
                WARN  jepsen.control - node n1 is slow
                INFO  jepsen.util - :nemesis\t:info\t:start\tnil
                INFO  jepsen.util - Worker 0 starting
                  at clojure.core$eval.invoke(core.clj:3202)
                INFO  jepsen.util - 0\t:ok\t:write\t3
                """);
        assertEquals(History.of(Operation.ok(0, "write", null, 3L, null, 0, 1)), history);
        assertProblem("INFO  jepsen.core - start\nINFO  jepsen.util - 0\t:invoke\t:append\t3", 2,
                "expected the operation :read, :write or :cas");
        assertProblem("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:done\t:read\t1", 2,
                "expected the event type :invoke, :ok, :fail or :info");
    }

    @Test
    void aCompletionEchoingTheInvocationValueHasNoOutput() throws Exception {
        History history = HistoryFiles.parse("h.edn", """
                {:process 0, :type :invoke, :f :add, :value 5}
                {:process 0, :type :ok, :f :add, :value 5}
                {:process 0, :type :invoke, :f :contains, :value 5}
                {:process 0, :type :ok, :f :contains, :value true}
                """);
        assertEquals(History.of(Operation.ok(0, "add", null, 5L, null, 0, 1),
                Operation.ok(0, "contains", null, 5L, true, 2, 3)), history);
        assertEquals(Verdict.LINEARIZABLE, LinearizabilityChecker.of(Models.set()).check(history).verdict());
    }

    @Test
    void anInvocationWithoutCompletionIsUnknown() throws Exception {
        History history = HistoryFiles.parse("h", "{:process 0, :type :invoke, :f :write, :value 3}");
        assertEquals(Status.UNKNOWN, history.operations().getFirst().status());
    }
}
