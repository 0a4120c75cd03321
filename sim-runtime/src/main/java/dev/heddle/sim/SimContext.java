package dev.heddle.sim;

import dev.heddle.runtime.internal.ThreadOrigin;
import dev.heddle.time.TimeDriver;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * What a simulated service (the network, say) needs of the run it lives in: its own seeded
 * stream, true virtual time and timers, the hosts, the trace, and a place to keep itself for
 * the run ({@link #extension}). Modules that build on {@code sim} find the run of the calling
 * task with {@link #current()}, so that {@code sim} need not know them.
 */
public final class SimContext {
    private final Simulator simulator;
    private final Decisions decisions;
    private final Trace trace;
    private final Faults faults;
    private final Optional<SwarmProfile> swarm;
    private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();

    /** {@code swarm} is null outside swarm mode. */
    SimContext(Simulator simulator, Decisions decisions, Trace trace, Faults faults, SwarmProfile swarm) {
        this.simulator = simulator;
        this.swarm = Optional.ofNullable(swarm);
        this.decisions = decisions;
        this.trace = trace;
        this.faults = faults;
    }

    /**
     * The run of the calling task, or of the virtual thread a task started (a platform thread's
     * runner under the agent included), which runs in the same simulation; empty outside every
     * simulation.
     */
    public static Optional<SimContext> current() {
        return ThreadOrigin.carrierOfCurrentThread() instanceof Simulator s ? Optional.of(s.context()) : Optional.empty();
    }

    /**
     * This run's instance of {@code type}, made by {@code create} on the first call: one
     * network per simulation, made only by a run that uses one.
     */
    public <T> T extension(Class<T> type, Function<SimContext, ? extends T> create) {
        Object found = extensions.get(type);
        if (found == null) {
            found = create.apply(this);
            extensions.put(type, found);
        }
        return type.cast(found);
    }

    /** The seeded stream of network choices (latencies and the like), apart from every other purpose. */
    public RandomGenerator networkRandom() {
        return decisions.network();
    }

    /**
     * True virtual time and its timers, whatever host's clock the caller reads: a timer's action
     * runs on the simulation's carrier between steps, and may wake waiting tasks.
     */
    public TimeDriver time() {
        return simulator.time();
    }

    /** The hosts started so far, in the order they started. */
    public List<Host> hosts() {
        return simulator.hosts().all();
    }

    /** The host named {@code name}, if one was started. */
    public Optional<Host> host(String name) {
        return simulator.hosts().named(name);
    }

    /** The host whose address is {@code address}, if one was started. */
    public Optional<Host> hostAt(InetAddress address) {
        return simulator.hosts().at(address);
    }

    /**
     * The calling thread, which is not a task of this run, used {@code resource}, one of the
     * run's simulated resources ({@code "a Selector that task main#1 opened"}: a library's own
     * selector thread, say): the run is no longer determined by its seed, and fails as a foreign
     * wake-up naming the thread and the resource, before any consequence of the use (the library
     * giving up) can be taken for the test's failure.
     */
    public void usedFromOutside(String resource) {
        simulator.usedFromOutside(Thread.currentThread(), resource);
    }

    /** Adds a network event to the trace. */
    public void record(NetworkEvent event, long a, long b) {
        trace.record(event.traced(), a, b);
    }

    /**
     * Whether this run writes its trace to a file ({@link Simulation#recordTrace}): only then
     * are the details below worth gathering.
     */
    public boolean recordsTrace() {
        return trace.recorder() != null;
    }

    /**
     * For the trace file, when the run writes one: network message {@code id} of {@code kind}
     * ({@code "stream"}, {@code "datagram"}, ...) and {@code bytes} leaves host {@code from} for
     * host {@code to} (host names, {@code "sim"} for the test body). Nothing otherwise.
     */
    public void messageSent(long id, String from, String to, String kind, int bytes) {
        TraceRecorder recorder = trace.recorder();
        if (recorder != null) {
            recorder.messageSent(id, from, to, kind, bytes);
        }
    }

    /** For the trace file, when the run writes one: message {@code id} reached its receiver. */
    public void messageDelivered(long id) {
        TraceRecorder recorder = trace.recorder();
        if (recorder != null) {
            recorder.messageDelivered(id);
        }
    }

    /**
     * For the trace file, when the run writes one: the network's faults that last, as they are
     * now after a change: the links cut ({@code "a -> b"}), the hosts and links clogged, the links
     * held. Nothing otherwise.
     */
    public void networkConditions(List<String> cut, List<String> clogged, List<String> held) {
        TraceRecorder recorder = trace.recorder();
        if (recorder != null) {
            recorder.networkConditions(cut, clogged, held);
        }
    }

    /**
     * Declares that the fault kind {@code name} ({@code "net.drop"}, say) is configured in this
     * run, so that the run's result, and a sweep over many, can tell when it never fired.
     */
    public void faultConfigured(String name) {
        faults.configured(name);
    }

    /** Counts one firing of the fault kind {@code name}, in the result and the trace. */
    public void faultFired(String name) {
        faults.fired(name);
    }

    /**
     * In {@link Simulation#swarm swarm mode}, which fault kinds this seed turns on and their
     * rates; empty otherwise. A module with a fault kind asks it, in swarm mode, instead of
     * using the rate the test configured: {@code swarm().map(p -> p.rate("net.drop", 0.2))}.
     */
    public Optional<SwarmProfile> swarm() {
        return swarm;
    }

    /** How many times the fault kind {@code name} has fired so far in this run. */
    public long faultCount(String name) {
        return faults.count(name);
    }
}
