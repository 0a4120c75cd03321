package dev.heddle.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The schedule a failure report ends with: the last steps of the run, one line an event, as
 * Lincheck and Fray print an interleaving, so that the order that led to the failure can be read
 * without a debugger:
 * <pre>
 *   #3 worker#2  ran, suspended at Cache.refresh(Cache.java:52) [sleep]
 *   time -> 100 ms (1 timers)
 *        woke worker#2
 *   #4 worker#2  ran, suspended at Cache.refresh(Cache.java:57) [mutex lock]
 *   #5 main#1  ran, suspended at Cache.get(Cache.java:31) [mpsc recv]
 *        woke worker#2
 * </pre>
 * A step's line names the task and, when a replay noted it ({@link Trace#stepSite}), the first line
 * of the user's code where the task suspended and what it waits on; the events of the step
 * follow it, indented (wake-ups it made, tasks it spawned, its end); events between steps (time
 * moving on, the wake-ups of the timers it fired, network deliveries) have no step number. Every
 * kind of {@link Trace.Event} prints through {@link Trace#describe}, so a new kind shows up here
 * with the text it is given there.
 */
final class ScheduleReport {
    /** The steps shown. */
    static final int STEPS = 40;
    /** The most lines shown, for steps that make many events each. */
    private static final int MAX_LINES = 120;

    private ScheduleReport() {}

    /**
     * The schedule of {@code recent}, with the sites {@code sites} noted (null: none), under a
     * heading that says where it comes from ({@code origin}).
     */
    static String render(RecentEvents recent, Trace sites, String origin) {
        if (recent.size() == 0 || recent.steps() == 0) {
            return "";
        }
        int stepEvents = 0;
        int from = recent.size();
        while (from > 0 && stepEvents < STEPS) {
            from--;
            if (recent.kind(from) == Trace.Event.STEP) {
                stepEvents++;
            }
        }
        long step = recent.steps() - stepEvents;
        List<String> lines = new ArrayList<>();
        // Events between steps are what moving time set off (timers firing, their wake-ups): they are
        // recorded before the ADVANCE that fired them, and shown after it.
        List<String> betweenSteps = new ArrayList<>();
        for (int i = from; i < recent.size(); i++) {
            Trace.Event kind = recent.kind(i);
            long a = recent.a(i);
            long b = recent.b(i);
            if (kind == Trace.Event.STEP) {
                lines.addAll(betweenSteps);
                betweenSteps.clear();
                step++;
                String site = sites == null ? null : sites.stepSiteOf(step);
                lines.add("  #" + step + " " + recent.trace().task(a) + "  ran"
                        + (site == null ? "" : ", " + site) + (b == 0 ? "" : " (worker " + (b - 1) + ")"));
            } else if (recent.inStep(i)) {
                lines.add("       " + event(recent.trace(), kind, a, b));
            } else if (kind == Trace.Event.ADVANCE) {
                lines.add("  " + event(recent.trace(), kind, a, b));
                lines.addAll(betweenSteps);
                betweenSteps.clear();
            } else {
                betweenSteps.add("       " + event(recent.trace(), kind, a, b));
            }
        }
        lines.addAll(betweenSteps);
        int shown = Math.min(lines.size(), MAX_LINES);
        long firstShown = recent.total() - (recent.size() - from);
        return "Schedule: the last " + stepEvents + " of " + recent.steps() + " steps (events from #" + firstShown
                + " of " + recent.total() + ")" + origin + ":\n"
                + (shown < lines.size() ? "  ... (" + (lines.size() - shown) + " lines before)\n" : "")
                + String.join("\n", lines.subList(lines.size() - shown, lines.size())) + "\n";
    }

    /** An event inside or between steps: the task's own deeds in its words, every other as the trace says it. */
    private static String event(Trace trace, Trace.Event kind, long a, long b) {
        return switch (kind) {
            case WAKE -> "woke " + trace.task(a);
            case SPAWN -> "spawned " + trace.task(a);
            case END -> trace.task(a) + " ended " + dev.heddle.runtime.internal.Task.State.values()[(int) b];
            default -> trace.describe(kind, a, b);
        };
    }
}
