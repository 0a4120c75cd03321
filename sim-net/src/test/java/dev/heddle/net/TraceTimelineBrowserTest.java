package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.report.HeadlessChromium;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.timeline.TraceTimeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace timeline of a simulated-network run ({@link TraceScenario}: three hosts, a partition,
 * a crash, a clog) opened in headless Chromium on one of its steps, as if it had been clicked:
 * the lanes, message arrows, lost messages, fault bands and the details panel with the step's
 * stack are what the browser's DOM shows, in {@link HeadlessChromium}.
 */
class TraceTimelineBrowserTest {
    @Test
    void theBrowserShowsLanesArrowsFaultBandsAndTheClickedStepsStack(@TempDir Path dir) throws Exception {
        HeadlessChromium browser = HeadlessChromium.require("the trace timeline");
        Path trace = dir.resolve("scenario.trace.jsonl");
        Simulation.ofSeed(7).recordTrace(trace).run(TraceScenario.body(3));
        String lines = Files.readString(trace);
        assertTrue(lines.contains("\"e\":\"network\",") && lines.contains("\"cut\":[\"n0 -> n1\","), "the partition is in the trace");
        assertTrue(lines.contains("\"e\":\"host_crash\",") && lines.contains("\"clogged\":[\"n1\"]"));
        Matcher echoStep = Pattern.compile("\\{\"e\":\"step\",\"i\":(\\d+),[^\\n]*\"task\":(\\d+),").matcher(lines);
        // The step to click: the first of the echo server's, which leaves it in accept().
        String clicked = null;
        String serverTask = find(lines, "\\{\"e\":\"spawn\",[^\\n]*\"task\":(\\d+),\"name\":\"echo-server#\\d+@echo\"");
        while (echoStep.find()) {
            if (echoStep.group(2).equals(serverTask)) {
                clicked = echoStep.group(1);
                break;
            }
        }
        assertTrue(clicked != null, "the echo server ran");

        Path page = dir.resolve("timeline.html");
        TraceTimeline.writeHtml(trace, page);
        String whole = browser.dumpDom(dir, page.toUri() + "#event=" + clicked, "--window-size=1600,1000");
        // What the script drew and wrote, not the script's own text, which spells the same markup.
        String dom = find(whole, "(<svg id=\"timeline\"[\\s\\S]*</svg>)") + find(whole, "(<aside id=\"details\">[\\s\\S]*</aside>)");

        assertEquals(5, count(dom, "class=\"lane host-lane\""), "sim and the four hosts: " + dom.length());
        assertTrue(dom.contains(">host n0</text>") && dom.contains(">host echo</text>"), "host lanes are labelled");
        assertEquals(Long.parseLong(find(lines, "\"e\":\"spawn\",\"i\":\\d+,\"t\":\\d+,(?:\"in\":\\d+,)?\"task\":(\\d+),[^\\n]*\\n(?![\\s\\S]*\"e\":\"spawn\")")),
                count(dom, "class=\"lane task-lane\""), "a lane per task");
        assertTrue(dom.contains(">echo-server#"), "task lanes are labelled");
        assertTrue(count(dom, "<line class=\"msg\"") > 10, "delivered messages are arrows");
        assertTrue(count(dom, "<line class=\"msg lost\"") > 0, "messages lost to the partition are drawn");
        assertTrue(count(dom, "class=\"wake-edge\"") > 0, "wake-ups between tasks are edges");
        assertTrue(count(dom, "class=\"parked\"") > 0, "tasks are drawn parked between steps");
        assertEquals(3, count(dom, "<rect class=\"fault-band partition\""), "n0, n1 and n2 are cut off");
        assertEquals(1, count(dom, "<rect class=\"fault-band crashed\""), "n2 crashed once");
        assertEquals(1, count(dom, "<rect class=\"fault-band clog\""), "n1 was clogged");
        assertTrue(dom.contains(">cut from n1, n2</text>"), "n0's band says what it was cut from");
        assertTrue(Pattern.compile("<g class=\"axis\">.*>\\d+(\\.\\d+)? (ms|s)</text>").matcher(dom).find(),
                "the axis shows simulated time");

        // The clicked step: selected, and the details panel shows where it left its task, with the stack.
        assertTrue(dom.contains("<h2 id=\"details-title\">step (event #" + clicked + ")</h2>"), dom);
        assertTrue(Pattern.compile("<rect class=\"step[^\"]* selected\" data-line=").matcher(dom).find(), "the step is marked");
        assertTrue(dom.contains("<dd>echo-server#" + serverTask + "@echo on echo</dd>"), "the task and its host");
        Matcher stack = Pattern.compile("<ol class=\"stack\" id=\"details-stack\">(.*?)</ol>").matcher(dom);
        assertTrue(stack.find(), "the step's stack is shown");
        assertTrue(stack.group(1).contains("dev.heddle.net.TcpListener.accept("), stack.group(1));
        assertTrue(stack.group(1).contains("<li class=\"user\">dev.heddle.net.EchoServer.lambda$serve$"), stack.group(1));
        assertTrue(Pattern.compile("<p id=\"details-site\">suspended at [^<]+ \\[select or join\\]</p>").matcher(dom).find(),
                "where the step left its task: " + find(dom, "(<p id=\"details-site\">.*?</p>)"));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
