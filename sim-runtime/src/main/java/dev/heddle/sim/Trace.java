package dev.heddle.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened in one run, as a rolling 64-bit hash of every event: equal hashes mean the
 * same run. Every run keeps its last {@link #RECENT} events in a ring, for the schedule a failure
 * report ends with (three stores an event); all events are kept only when a determinism check
 * asks, to show where two runs of one seed part ways. A replay of a failed seed also notes where
 * each of its last steps left its task ({@link #stepSite}). A run asked to write its trace to a
 * file hands every event on to its {@link TraceRecorder} as well.
 */
final class Trace {
    /** The kinds of event; {@code a} and {@code b} are as each one says. */
    enum Event {
        /** a: task, b: parent task (0 for none). */
        SPAWN,
        /** a: task that became ready. */
        WAKE,
        /** a: task that ran one step, b: 1 + the logical worker that ran it (0 without workers). */
        STEP,
        /** a: task, b: its outcome's ordinal. */
        END,
        /** a: new virtual time in nanoseconds, b: timers fired. */
        ADVANCE,
        /** a: value drawn for user code. */
        RANDOM,
        /** a: number of branches, b: first branch chosen. */
        SELECT,
        /** Just before a host's first start, its clock. a: offset in nanoseconds, b: the bits of its drift in ppm. */
        HOST_CLOCK,
        /** a: host (1, 2, ... in start order), b: incarnation (1 at its start, 2 after one restart, ...). */
        HOST_START,
        /** a: host, b: its incarnation, whose tasks are then told to stop. */
        HOST_CRASH,
        /** a: host, b: its incarnation. */
        HOST_PAUSE,
        /** a: host, b: tasks it held, now ready again. */
        HOST_RESUME,
        /** A task picked to run but held, as its host is paused. a: task, b: host. */
        HOLD,
        /** a: connection, b: port ({@link NetworkEvent#CONNECT}). */
        NET_CONNECT,
        /** a: connection, b: port ({@link NetworkEvent#REFUSE}). */
        NET_REFUSE,
        /** a: connection side, b: bytes or -1 ({@link NetworkEvent#SEND}). */
        NET_SEND,
        /** a: connection side, b: bytes or -1 ({@link NetworkEvent#DELIVER}). */
        NET_DELIVER,
        /** a: connection side ({@link NetworkEvent#RESET}). */
        NET_RESET,
        /** a: port, b: bytes ({@link NetworkEvent#DATAGRAM_SEND}). */
        NET_DATAGRAM_SEND,
        /** a: port, b: bytes or -1 when lost ({@link NetworkEvent#DATAGRAM_DELIVER}). */
        NET_DATAGRAM_DELIVER,
        /** A fault fired ({@link Faults}). a: the hash of its name, b: its firings so far. */
        FAULT,
        /** A swarm profile's choice for a fault kind. a: the hash of the kind, b: 0 when off, else its rate's bits. */
        SWARM,
        /** Buggify decided for the run ({@link BuggifySites}). b: 1 when on. */
        BUGGIFY,
        /** A buggify point reached for the first time. a: the point (1, 2, ... in order reached), b: 1 when active. */
        BUGGIFY_POINT,
        /** a: message, b: bytes ({@link NetworkEvent#DROP}). */
        NET_DROP,
        /** a: message, b: its copy ({@link NetworkEvent#DUPLICATE}). */
        NET_DUPLICATE,
        /** a: message, b: bytes ({@link NetworkEvent#HOLD}). */
        NET_HOLD,
        /** a: message, b: bytes ({@link NetworkEvent#RELEASE}). */
        NET_RELEASE,
        /** The test paused or resumed auto-advance ({@link SimTime}). a: 0 paused, 1 resumed; b: virtual time. */
        AUTO_ADVANCE,
        /**
         * At a scheduling point of instrumented code another task was chosen ({@link InterleavingPoints}).
         * a: the task that yields, b: the point's site (1, 2, ... in order first switched at).
         */
        POINT,
        /**
         * A task woken with no signal ({@link SpuriousWakeups}). a: task, b: 0 when unparked between
         * steps, else 1 + the ordinal of the {@code SimulatedJdkCalls.Wait} that returned at once.
         */
        SPURIOUS_WAKEUP
    }

    private final List<String> names = new ArrayList<>();
    private final List<String> hostNames = new ArrayList<>();
    private final List<String> buggifyPoints = new ArrayList<>();
    private final List<String> pointSites = new ArrayList<>();
    /** How many of the last events every run keeps; a power of two. */
    static final int RECENT = 512;
    /** Added to a kept event's kind when a step recorded it, rather than the simulator between steps. */
    static final int IN_STEP = 1 << 16;

    private long[] all;
    private int size;
    private long hash;
    private final long[] recent = new long[3 * RECENT];
    private int inStep;
    /** The first step whose site a replay notes; none by default. */
    private long sitesFrom = Long.MAX_VALUE;
    /** Sites noted by a replay, by step; made when a replay asks for them. */
    private Map<Long, String> sites = Map.of();
    /** Writes every event to a trace file; null unless the run records one. */
    private TraceRecorder recorder;

    Trace(long seed, boolean keepAll) {
        this.hash = SimRandom.mix(seed);
        this.all = keepAll ? new long[3 * 1024] : null;
        names.add("-");
        hostNames.add("-");
        buggifyPoints.add("-");
        pointSites.add("-");
    }

    void record(Event kind, long a, long b) {
        long h = hash ^ SimRandom.mix(kind.ordinal() + 31 * a + 961 * b);
        hash = Long.rotateLeft(h * 0x9E3779B97F4A7C15L, 27);
        int r = 3 * (size & (RECENT - 1));
        recent[r] = kind.ordinal() | inStep;
        recent[r + 1] = a;
        recent[r + 2] = b;
        if (all != null) {
            if (size * 3 + 3 > all.length) {
                all = Arrays.copyOf(all, all.length * 2);
            }
            all[size * 3] = kind.ordinal();
            all[size * 3 + 1] = a;
            all[size * 3 + 2] = b;
        }
        if (recorder != null) {
            recorder.event(size, kind, a, b, inStep != 0);
        }
        size++;
    }

    /** From now on every event goes to {@code recorder} too. */
    void recordTo(TraceRecorder recorder) {
        this.recorder = recorder;
    }

    /** What writes this run's trace file, or null when it writes none. */
    TraceRecorder recorder() {
        return recorder;
    }

    /** Tells the recorder, if any, which run it records. */
    void runBy(Simulator simulator) {
        if (recorder != null) {
            recorder.runBy(simulator);
        }
    }

    /** Records that fault kind {@code name} fired, the {@code fired}-th time. */
    void fault(String name, long fired) {
        if (recorder != null) {
            recorder.fault(name);
        }
        record(Event.FAULT, name.hashCode(), fired);
    }

    /** Registers a task's name under its simulation id, for readable events. */
    void name(long id, String name) {
        while (names.size() <= id) {
            names.add(null);
        }
        names.set((int) id, name);
    }

    /** Registers a host's name under its number, for readable events. */
    void hostName(int id, String name) {
        while (hostNames.size() <= id) {
            hostNames.add(null);
        }
        hostNames.set(id, name);
    }

    /** Registers a buggify point's name under its number, for readable events. */
    void buggifyPoint(int id, String name) {
        while (buggifyPoints.size() <= id) {
            buggifyPoints.add(null);
        }
        buggifyPoints.set(id, name);
    }

    /** Registers the text of a scheduling point's site under its number, for readable events. */
    void pointSite(int id, String site) {
        while (pointSites.size() <= id) {
            pointSites.add(null);
        }
        pointSites.set(id, site);
    }

    /** The text of scheduling point site {@code id}, as registered, e.g. {@code a.B.m(B.java:12) read a.B.x}. */
    String pointSite(long id) {
        String site = id < pointSites.size() ? pointSites.get((int) id) : null;
        return site == null ? "point #" + id : site;
    }

    long hash() {
        return hash;
    }

    /** Whether a step is running: the events recorded now are its. */
    boolean inStep() {
        return inStep != 0;
    }

    /** Tells the trace whether a step is running: the events it records then are the step's. */
    void inStep(boolean running) {
        inStep = running ? IN_STEP : 0;
    }

    /** Makes a replay note where each step from {@code step} on leaves its task ({@link #stepSite}). */
    void noteStepSitesFrom(long step) {
        sitesFrom = step;
        sites = new HashMap<>();
    }

    /** Whether this trace is a replay's, noting sites: its run's own report is not shown. */
    boolean isReplay() {
        return sitesFrom != Long.MAX_VALUE;
    }

    /** Whether step {@code step}'s site is to be noted: in a replay's last steps, and in every step a file records. */
    boolean wantsStepSite(long step) {
        return step >= sitesFrom || recorder != null;
    }

    /** Notes where step {@code step} left its task {@code t}, as {@code suspended at Foo.bar(Foo.java:41) [mutex lock]}. */
    void stepSite(long step, SimTask t) {
        List<LiveFrames.Frame> frames = recorder != null && recorder.wantsStack(step) || step >= sitesFrom
                ? LiveFrames.withoutLocals(t.thread, TraceRecorder.MAX_WALKED) : List.of();
        String text = StepSites.of(t, frames);
        if (step >= sitesFrom) {
            sites.put(step, text);
        }
        if (recorder != null) {
            recorder.site(step, t, text, frames);
        }
    }

    /** Notes that step {@code step} ended where {@code text} says without leaving its task (a scheduling point). */
    void stepSite(long step, String text) {
        if (step >= sitesFrom) {
            sites.put(step, text);
        }
        if (recorder != null) {
            recorder.site(step, null, text, List.of());
        }
    }

    /** The site noted for step {@code step}, or null. */
    String stepSiteOf(long step) {
        return sites.get(step);
    }

    /** The last events so far, oldest first, the run having taken {@code steps} steps. */
    RecentEvents recent(long steps) {
        int n = Math.min(size, RECENT);
        long[] copy = new long[3 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(recent, 3 * ((size - n + i) & (RECENT - 1)), copy, 3 * i, 3);
        }
        return new RecentEvents(this, copy, size, steps);
    }

    int size() {
        return size;
    }

    /** The index of the first event where two fully kept traces differ, or -1. */
    static int firstDifference(Trace x, Trace y) {
        int n = Math.min(x.size, y.size);
        for (int i = 0; i < n; i++) {
            int k = i * 3;
            if (x.all[k] != y.all[k] || x.all[k + 1] != y.all[k + 1] || x.all[k + 2] != y.all[k + 2]) {
                return i;
            }
        }
        return x.size == y.size ? -1 : n;
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of a fully kept trace, one per line. */
    String describe(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, size); i++) {
            sb.append("    #").append(i).append(' ').append(describe(i * 3)).append('\n');
        }
        if (to > size) {
            sb.append("    (run ended after ").append(size).append(" events)\n");
        }
        return sb.toString();
    }

    private String describe(int k) {
        return describe(Event.values()[(int) all[k]], all[k + 1], all[k + 2]);
    }

    /** One event in words, as {@code spawn worker#2 by main#1}. */
    String describe(Event kind, long a, long b) {
        return switch (kind) {
            case SPAWN -> "spawn " + task(a) + (b == 0 ? "" : " by " + task(b));
            case WAKE -> "wake " + task(a);
            case STEP -> "step " + task(a) + (b == 0 ? "" : " on worker " + (b - 1));
            case END -> "end " + task(a) + " " + dev.heddle.runtime.internal.Task.State.values()[(int) b];
            case ADVANCE -> "time -> " + a / 1_000_000 + " ms (" + b + " timers)";
            case RANDOM -> "random " + Long.toHexString(a);
            case SELECT -> "select " + b + " of " + a;
            case HOST_CLOCK -> "host clock offset " + a + " ns, drift " + Double.longBitsToDouble(b) + " ppm";
            case HOST_START -> (b == 1 ? "start host " : "restart host ") + host(a) + " as incarnation " + b;
            case HOST_CRASH -> "crash host " + host(a) + " in incarnation " + b;
            case HOST_PAUSE -> "pause host " + host(a) + " in incarnation " + b;
            case HOST_RESUME -> "resume host " + host(a) + ", releasing " + b + " task(s)";
            case HOLD -> "hold " + task(a) + " on paused host " + host(b);
            case NET_CONNECT -> "connect #" + a + " to port " + b;
            case NET_REFUSE -> "refuse #" + a + " at port " + b;
            case NET_SEND -> "send " + (b < 0 ? "end" : b + " bytes") + " on #" + a / 2 + " side " + a % 2;
            case NET_DELIVER -> "deliver " + (b < 0 ? "end" : b + " bytes") + " on #" + a / 2 + " side " + a % 2;
            case NET_RESET -> "reset #" + a / 2 + " side " + a % 2;
            case NET_DATAGRAM_SEND -> "send datagram of " + b + " bytes to port " + a;
            case NET_DATAGRAM_DELIVER -> b < 0 ? "lose datagram to port " + a : "deliver datagram of " + b
                    + " bytes to port " + a;
            case NET_DROP -> "drop message #" + a + " of " + b + " bytes";
            case NET_DUPLICATE -> "duplicate message #" + a + " as #" + b;
            case NET_HOLD -> "hold message #" + a + " of " + b + " bytes";
            case NET_RELEASE -> "release message #" + a + " of " + b + " bytes";
            case FAULT -> "fault #" + b + " of kind " + Integer.toHexString((int) a);
            case SWARM -> "swarm turns fault kind " + Integer.toHexString((int) a) + (b == 0 ? " off" : " on at "
                    + Double.longBitsToDouble(b) + " of its largest rate");
            case BUGGIFY -> "buggify " + (b == 1 ? "on" : "off") + " in this run";
            case BUGGIFY_POINT -> "buggify point " + (a < buggifyPoints.size() ? buggifyPoints.get((int) a) : "#" + a)
                    + (b == 1 ? " active" : " inactive");
            case AUTO_ADVANCE -> (a == 0 ? "pause" : "resume") + " auto-advance at " + b / 1_000_000 + " ms";
            case POINT -> "switch from " + task(a) + " at " + pointSite(b);
            case SPURIOUS_WAKEUP -> "spurious wake-up of " + task(a) + (b == 0 ? ", unparked" : " in "
                    + dev.heddle.sim.instrument.SimulatedJdkCalls.Wait.values()[(int) b - 1]);
        };
    }

    /** The name of the host registered last: the one whose start comes next. */
    String latestHost() {
        return hostNames.getLast();
    }

    /** A host's name in this run, from its number. */
    String host(long id) {
        String name = id < hostNames.size() ? hostNames.get((int) id) : null;
        return name == null ? "host-" + id : name;
    }

    /** A task's name in this run, from its simulation id. */
    String task(long id) {
        String name = id < names.size() ? names.get((int) id) : null;
        return name == null ? "task-" + id : name;
    }
}
