package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.json.JsonWriter;

import java.io.IOException;
import java.io.Writer;

/** Writes Heddle's JSON-lines history format, one operation per line. */
final class JsonLinesWriter {
    private JsonLinesWriter() {
    }

    static void write(History history, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (Operation op : history.operations()) {
            line.setLength(0);
            line.append("{\"client\":").append(op.client()).append(",\"f\":");
            JsonWriter.value(op.f(), line);
            if (op.key() != null) {
                JsonWriter.value(op.key(), line.append(",\"key\":"));
            }
            if (op.input() != null) {
                JsonWriter.value(op.input(), line.append(",\"input\":"));
            }
            if (op.status() != Status.UNKNOWN && op.output() != null) {
                JsonWriter.value(op.output(), line.append(",\"output\":"));
            }
            line.append(",\"call\":").append(op.call());
            if (op.status() != Status.UNKNOWN) {
                line.append(",\"return\":").append(op.ret());
            }
            line.append(",\"status\":\"").append(JsonLinesReader.statusName(op.status())).append("\"}\n");
            out.write(line.toString());
        }
    }
}
