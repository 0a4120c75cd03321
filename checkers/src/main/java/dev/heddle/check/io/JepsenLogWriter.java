package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a register history as Jepsen log lines, the form of Porcupine's etcd data:
 * {@code INFO  jepsen.util - 2\t:invoke\t:cas\t[3 0]}. The format knows only {@code read},
 * {@code write} and {@code cas} without keys, with {@code nil}, integers and {@code [from to]} as
 * values, so other histories are refused with the operation that does not fit.
 *
 * <p>Booleans have no form here: a {@code cas} that completed with {@code true} echoes its input
 * (Jepsen's "it swapped"), one that completed with {@code false} is written {@code :fail} (the
 * compare failed), which is how {@code cas-register} reads both. Unknown operations complete with
 * {@code :info ... :timed-out}.
 */
final class JepsenLogWriter {
    private static final String PREFIX = "INFO  jepsen.util - ";

    private JepsenLogWriter() {
    }

    static void write(History history, Writer out) throws IOException {
        for (Operation op : history.operations()) {
            check(op);
        }
        StringBuilder line = new StringBuilder();
        for (InvocationEvents.Event event : InvocationEvents.of(history)) {
            Operation op = event.op();
            line.setLength(0);
            line.append(PREFIX).append(op.client()).append('\t');
            boolean casCompareFailed = op.f().equals("cas") && Boolean.FALSE.equals(op.output());
            if (event.invocation()) {
                line.append(":invoke\t:").append(op.f()).append('\t');
                value(op.input(), line);
            } else if (op.status() == Status.UNKNOWN) {
                line.append(":info\t:").append(op.f()).append('\t').append(JepsenLogReader.TIMED_OUT);
            } else {
                line.append(op.status() == Status.FAILED || casCompareFailed ? ":fail" : ":ok");
                line.append("\t:").append(op.f()).append('\t');
                value(op.output() instanceof Boolean ? op.input() : InvocationEvents.completionValue(op), line);
            }
            out.write(line.append('\n').toString());
        }
    }

    private static void check(Operation op) {
        boolean cas = op.f().equals("cas");
        String problem = null;
        if (!List.of("read", "write", "cas").contains(op.f())) {
            problem = "its operation is not read, write or cas";
        } else if (op.key() != null) {
            problem = "it has a key";
        } else if (cas ? !isPair(op.input()) : !isScalar(op.input())) {
            problem = "its input is not " + (cas ? "[from to]" : "nil or an integer");
        } else if (op.status() != Status.UNKNOWN && !(cas ? casOutputFits(op) : isScalar(op.output()))) {
            problem = "its output is not " + (cas ? "a boolean or its input" : "nil or an integer");
        }
        if (problem != null) {
            throw new IllegalArgumentException("cannot write " + op + " as a Jepsen log line: " + problem
                    + "; the log format holds read/write/cas registers with integer values;"
                    + " write EDN (.edn) or JSON lines (.jsonl) instead");
        }
    }

    private static boolean casOutputFits(Operation op) {
        return op.output() == null || op.output() instanceof Boolean || op.output().equals(op.input());
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof Long;
    }

    private static boolean isPair(Object value) {
        return value instanceof List<?> list && list.size() == 2
                && list.stream().allMatch(v -> v == null || v instanceof Long);
    }

    private static void value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("nil");
        } else if (value instanceof List<?> pair) {
            out.append('[');
            value(pair.get(0), out);
            out.append(' ');
            value(pair.get(1), out);
            out.append(']');
        } else {
            out.append(value);
        }
    }
}
