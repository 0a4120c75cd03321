package dev.heddle.sim;

/**
 * The last events of a run's trace when it failed, oldest first, with the trace that names their
 * tasks and hosts: what a failure report's schedule is made of. Copied from the trace's ring at
 * the failure, before the teardown's steps overwrite it.
 *
 * @param events kind, a and b of each event, three longs an event
 * @param total the events the run had recorded, the last of these included
 * @param steps the steps the run had taken: the last step event here is this one
 */
record RecentEvents(Trace trace, long[] events, long total, long steps) {
    static final RecentEvents NONE = new RecentEvents(null, new long[0], 0, 0);

    int size() {
        return events.length / 3;
    }

    Trace.Event kind(int i) {
        return Trace.Event.values()[(int) events[3 * i] & (Trace.IN_STEP - 1)];
    }

    /** Whether event {@code i} was recorded by a step, rather than by the simulator between steps. */
    boolean inStep(int i) {
        return (events[3 * i] & Trace.IN_STEP) != 0;
    }

    long a(int i) {
        return events[3 * i + 1];
    }

    long b(int i) {
        return events[3 * i + 2];
    }
}
