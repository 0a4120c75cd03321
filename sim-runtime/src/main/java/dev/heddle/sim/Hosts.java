package dev.heddle.sim;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.internal.Node;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.Task;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The simulated hosts of one run, in the order they started, and what the {@link Simulator}
 * does for them: it checks a new host's name, draws its clock from the seed unless the test
 * set one, records every host event in the trace, stops a crashed incarnation's tasks, holds
 * the ready tasks of a paused host and hands them back on resume. Touched only from the
 * simulation's carrier.
 */
final class Hosts {
    /** The name code outside every host sees as its host name; no host may take it. */
    static final String OUTSIDE_NAME = "sim";

    /** The node of code outside every host (the test body and what it spawns): true virtual time. */
    static final Node OUTSIDE = new Node() {
        @Override
        public String name() {
            return OUTSIDE_NAME;
        }

        @Override
        public String toString() {
            return "outside every host";
        }
    };

    /** What a host name may be made of: it is what the simulated network will resolve. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Simulator simulator;
    private final Simulation config;
    private final Decisions decisions;
    private final Trace trace;
    private final Map<String, Host> byName = new LinkedHashMap<>();
    /** The network looks a host up by address for every message it routes. */
    private final Map<InetAddress, Host> byAddress = new HashMap<>();
    /** Set at the end of the run: nothing is held any more, so that every task can be stopped. */
    private boolean stopped;

    Hosts(Simulator simulator, Simulation config, Decisions decisions, Trace trace) {
        this.simulator = simulator;
        this.config = config;
        this.decisions = decisions;
        this.trace = trace;
    }

    /** Starts a new host; {@code clock} null draws one from the seed within the run's {@link Simulation#clockSkew}. */
    Host start(String name, HostClock clock, HostBody body) {
        checkName(name);
        Objects.requireNonNull(body, "body");
        requireInside(null, "start host '" + name + "'");
        HostClock c = clock != null ? clock : decisions.hostClock(config.maxClockOffset(), config.maxClockDriftPpm());
        int id = byName.size() + 1;
        Host host = new Host(this, id, name, HostAddresses.of(name, id - 1), c, body);
        byName.put(name, host);
        byAddress.put(host.address(), host);
        trace.hostName(id, name);
        trace.record(Trace.Event.HOST_CLOCK, c.offset().toNanos(), Double.doubleToLongBits(c.driftPpm()));
        host.start(1);
        return host;
    }

    private void checkName(String name) {
        if (name == null) {
            throw new NullPointerException("host name must not be null");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("host name must be letters, digits, '.', '-' or '_' (the simulated"
                    + " network resolves it), was '" + name + "'");
        }
        if (name.equals(OUTSIDE_NAME)) {
            throw new IllegalArgumentException("host name '" + OUTSIDE_NAME + "' is taken: it is the host name of"
                    + " code outside every host; choose another");
        }
        Host taken = byName.get(name);
        if (taken != null) {
            throw new IllegalArgumentException("host name '" + name + "' is already taken by host " + taken
                    + "; each host needs a name of its own");
        }
    }

    List<Host> all() {
        return List.copyOf(byName.values());
    }

    Optional<Host> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<Host> at(InetAddress address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /**
     * Fails unless the caller is a task of this simulation: hosts change only inside their run,
     * where each change is an event of the trace. {@code host} is null for a start.
     */
    void requireInside(Host host, String action) {
        Task<?> task = Task.current();
        if (task == null || task.carrier() != simulator) {
            throw new IllegalStateException((host == null ? action : "host " + host.name() + "." + action + "()")
                    + " must be called from a task of its simulation while it runs, was called on "
                    + Thread.currentThread());
        }
    }

    /** Spawns the body of {@code incarnation} as its main task, on the host. */
    JoinHandle<Void> spawnBody(Incarnation incarnation, Callable<Void> body) {
        return RuntimeAccess.spawnOn(HeddleRuntime.current(), incarnation, "main", body);
    }

    void started(Host host) {
        trace.record(Trace.Event.HOST_START, host.id(), host.incarnation());
    }

    /** Records the crash, then tells every task of the crashed incarnation to stop, the held ones too. */
    void crashed(Host host) {
        trace.record(Trace.Event.HOST_CRASH, host.id(), host.incarnation());
        release(host);
        simulator.tasks().stopTasksOf(host.currentIncarnation());
    }

    void paused(Host host) {
        trace.record(Trace.Event.HOST_PAUSE, host.id(), host.incarnation());
    }

    void resumed(Host host) {
        trace.record(Trace.Event.HOST_RESUME, host.id(), host.held.size());
        release(host);
    }

    /**
     * Holds {@code t}, just picked to run, when its host is paused in its incarnation; true if
     * it did. It runs again when the host resumes or crashes.
     */
    boolean hold(SimTask t) {
        if (stopped || t.incarnation == null || !t.incarnation.isPaused()) {
            return false;
        }
        Host host = t.incarnation.host();
        host.held.add(t);
        trace.record(Trace.Event.HOLD, t.id, host.id());
        return true;
    }

    /** At the end of the run, or of a failed one: hands back every held task and holds no more, so all can stop. */
    void stopHolding() {
        stopped = true;
        for (Host host : byName.values()) {
            release(host);
        }
    }

    /** Makes the tasks {@code host} holds ready again, in the order they were held. */
    private void release(Host host) {
        List<SimTask> released = new ArrayList<>(host.held);
        host.held.clear();
        simulator.wakeHeld(released);
    }

    /** The paused hosts and the tasks they hold, one line each, for a deadlock report; empty when none. */
    String pausedReport() {
        StringBuilder sb = new StringBuilder();
        for (Host host : byName.values()) {
            if (host.state() == Host.State.PAUSED) {
                sb.append("  host ").append(host.name()).append(" is paused, holding ").append(host.held.size())
                        .append(" ready task(s) ").append(host.held).append(": resume() it, or let another task")
                        .append(" do so\n");
            }
        }
        return sb.toString();
    }
}
