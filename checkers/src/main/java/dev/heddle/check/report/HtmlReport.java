package dev.heddle.check.report;

import dev.heddle.check.CheckResult;
import dev.heddle.check.Counterexample;
import dev.heddle.check.Operation;
import dev.heddle.check.PartitionResult;
import dev.heddle.json.JsonWriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A check result as one self-contained HTML file: per part, a timeline with a lane per client,
 * each operation a bar from its call to its return (positions are ranked, so short operations
 * stay visible). A linearizable part numbers its operations in the order found; a part that is
 * not shows the longest linearizable prefix, highlights the operation that cannot be placed and
 * prints the states around it. The page carries its data as JSON and draws itself with a small
 * script, so it needs no server and no network.
 *
 * <pre>{@code
 * Files.writeString(Path.of("report.html"), HtmlReport.render("etcd_000.log", result));
 * }</pre>
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(String title, CheckResult result) {
        StringBuilder json = new StringBuilder();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("model", result.model());
        data.put("verdict", result.verdict().name());
        data.put("millis", String.format(Locale.ROOT, "%.1f", result.nanos() / 1e6));
        List<Object> parts = new ArrayList<>();
        for (PartitionResult part : result.partitions()) {
            parts.add(part(part));
        }
        data.put("partitions", parts);
        JsonWriter.value(data, json);
        String safeJson = json.toString().replace("</", "<\\/");
        return TEMPLATE.replace("@TITLE@", escape(title)).replace("@DATA@", safeJson);
    }

    private static Map<String, Object> part(PartitionResult part) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("label", part.label().isEmpty() ? "history" : part.label());
        data.put("verdict", part.verdict().name());
        data.put("reason", part.reason());
        Counterexample counterexample = part.counterexample();
        Map<Operation, Long> order = new IdentityHashMap<>();
        List<Operation> sequence = counterexample != null ? counterexample.prefix() : part.linearization();
        for (int i = 0; i < sequence.size(); i++) {
            order.put(sequence.get(i), (long) i + 1);
        }
        Map<Operation, String> attempts = new IdentityHashMap<>();
        if (counterexample != null) {
            data.put("stateAfter", counterexample.stateAfter());
            data.put("explanation", counterexample.describe());
            for (Counterexample.Attempt attempt : counterexample.unplaceable()) {
                attempts.put(attempt.operation(), attempt.outcome() == null
                        ? "impossible in state " + counterexample.stateAfter()
                        : "would lead to " + attempt.outcome() + ", then stuck");
            }
        }
        TreeSet<Long> positions = new TreeSet<>();
        for (Operation op : part.operations()) {
            positions.add(op.call());
            if (op.ret() != Operation.NEVER_RETURNED) {
                positions.add(op.ret());
            }
        }
        List<Long> ranks = new ArrayList<>(positions);
        List<Object> ops = new ArrayList<>();
        for (Operation op : part.operations()) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("client", (long) op.client());
            bar.put("text", describe(op));
            bar.put("start", (long) Collections.binarySearch(ranks, op.call()));
            bar.put("end", op.ret() == Operation.NEVER_RETURNED ? (long) ranks.size() : (long) Collections.binarySearch(ranks, op.ret()));
            bar.put("status", op.status().name().toLowerCase(Locale.ROOT));
            bar.put("order", order.getOrDefault(op, 0L));
            bar.put("failing", counterexample != null && op == counterexample.blocking());
            if (attempts.containsKey(op)) {
                bar.put("attempt", attempts.get(op));
            }
            ops.add(bar);
        }
        data.put("span", (long) Math.max(1, ranks.size()));
        data.put("ops", ops);
        return data;
    }

    private static String describe(Operation op) {
        String text = op.toString();
        return text.substring(text.indexOf(' ', "client ".length()) + 1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>@TITLE@ - linearizability</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
            .verdict-LINEARIZABLE { color: #1a7f37; } .verdict-NOT_LINEARIZABLE { color: #cf222e; }
            .verdict-UNKNOWN { color: #9a6700; }
            .lane-row { display: flex; align-items: center; height: 26px; }
            .client-label { width: 80px; flex: none; color: #555; }
            .lane { position: relative; flex: 1; height: 22px; border-bottom: 1px solid #eee; }
            .op { position: absolute; top: 2px; height: 18px; overflow: hidden; white-space: nowrap;
                  font-size: 11px; padding: 0 3px; box-sizing: border-box; border-radius: 3px;
                  background: #ddf4ff; border: 1px solid #54aeff; }
            .op.unknown { background: repeating-linear-gradient(45deg, #fff8c5, #fff8c5 4px, #fff 4px, #fff 8px);
                          border-color: #d4a72c; }
            .op.linearized { background: #dafbe1; border-color: #4ac26b; }
            .op.failing { background: #ffebe9; border: 2px solid #cf222e; font-weight: bold; }
            .op.attempted { border-color: #fa4549; }
            .explanation { white-space: pre-wrap; background: #f6f8fa; padding: 0.6em; border-radius: 4px; }
            .states { margin: 0.4em 0; }
            </style>
            </head>
            <body>
            <div id="report"><noscript>This report draws itself with JavaScript; enable it to see the timelines.</noscript></div>
            <script id="data" type="application/json">@DATA@</script>
            <script>
            (function () {
              const data = JSON.parse(document.getElementById('data').textContent);
              const root = document.getElementById('report');
              function el(tag, cls, text) {
                const e = document.createElement(tag);
                if (cls) e.className = cls;
                if (text !== undefined) e.textContent = text;
                return e;
              }
              const h1 = el('h1', 'verdict-' + data.verdict, data.title + ': ' + data.verdict);
              h1.id = 'verdict';
              root.appendChild(h1);
              root.appendChild(el('p', 'summary', 'model ' + data.model + ', ' + data.partitions.length
                + (data.partitions.length === 1 ? ' part' : ' parts') + ', checked in ' + data.millis + ' ms'));
              data.partitions.forEach(function (part) {
                const section = el('section', 'partition');
                section.dataset.verdict = part.verdict;
                section.appendChild(el('h2', 'verdict-' + part.verdict, part.label + ': ' + part.verdict
                  + ' (' + part.ops.length + ' operations)'));
                if (part.reason) section.appendChild(el('p', 'reason', part.reason));
                if (part.stateAfter !== undefined) {
                  section.appendChild(el('p', 'states', 'State after the longest linearizable prefix: ' + part.stateAfter));
                }
                const clients = Array.from(new Set(part.ops.map(function (op) { return op.client; })))
                  .sort(function (a, b) { return a - b; });
                clients.forEach(function (client) {
                  const row = el('div', 'lane-row');
                  row.dataset.client = client;
                  row.appendChild(el('span', 'client-label', 'client ' + client));
                  const lane = el('div', 'lane');
                  part.ops.filter(function (op) { return op.client === client; }).forEach(function (op) {
                    let cls = 'op ' + op.status;
                    if (op.order > 0) cls += ' linearized';
                    if (op.attempt) cls += ' attempted';
                    if (op.failing) cls += ' failing';
                    const label = (op.order > 0 ? '#' + op.order + ' ' : '') + op.text;
                    const bar = el('div', cls, label);
                    const span = part.span + 1;
                    bar.style.left = (100 * op.start / span) + '%';
                    bar.style.width = Math.max(1.5, 100 * (op.end - op.start + 1) / span) + '%';
                    bar.title = label + (op.attempt ? '\\n' + op.attempt : '');
                    lane.appendChild(bar);
                  });
                  row.appendChild(lane);
                  section.appendChild(row);
                });
                if (part.explanation) section.appendChild(el('div', 'explanation', part.explanation));
                root.appendChild(section);
              });
            })();
            </script>
            </body>
            </html>
            """;
}
