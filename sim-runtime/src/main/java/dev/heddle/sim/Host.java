package dev.heddle.sim;

import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.ThreadOrigin;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated machine: its own name, address, clock and tasks, which a test crashes, restarts,
 * pauses and resumes. Clients are hosts too. {@link Sim#host} starts one; its body runs as the
 * host's main task, and every task spawned on the host belongs to it. Code on a host sees the
 * host's name in {@code Heddle.hostName()} and the host's clock (offset and drifting, see
 * {@link HostClock}) in {@code Heddle.now()}, {@code Heddle.sleep} and every timeout.
 *
 * <pre>{@code
 * Host db = sim.host("db-1", self -> {
 *     byte[] runs = self.durable().get("runs");            // null on the first start
 *     self.durable().put("runs", new byte[] {(byte) (runs == null ? 1 : runs[0] + 1)});
 *     Heddle.spawn("server", () -> serveForever());        // a task of db-1 as well
 * });
 * sim.sleep(Duration.ofSeconds(3));
 * db.crash();       // each task of db-1 stops at its next suspension point
 * db.restart();     // the body runs again, as incarnation 2; durable() is all it finds
 * }</pre>
 *
 * <p>A host is {@link State#RUNNING} from its start; {@link #pause()} and {@link #resume()}
 * move it to {@link State#PAUSED} and back, {@link #crash()} from either to
 * {@link State#CRASHED}, and {@link #restart()} from there to running again. Any other move
 * fails, naming the host and its state. These are called from the simulation's own tasks (the
 * test body, or a task on any host) while it runs; each is an event of the run's trace.
 */
public final class Host {

    /** Where a host is in its life. */
    public enum State {
        /** Its tasks run. */
        RUNNING,
        /** Its tasks are held as they become ready, timers firing for them included, until it resumes. */
        PAUSED,
        /** Its tasks are stopped; it refuses new ones until it restarts. */
        CRASHED
    }

    private final Hosts hosts;
    private final int id;
    private final String name;
    private final InetAddress address;
    private final HostClock clock;
    private final HostBody body;
    private final DurableStore durable = new DurableStore(this);
    private final List<Runnable> crashListeners = new ArrayList<>();
    /** Tasks of a paused host that were picked to run, in the order they were held; run again on resume. */
    final List<SimTask> held = new ArrayList<>();
    private Incarnation current;
    private State state;
    private JoinHandle<Void> mainTask;

    Host(Hosts hosts, int id, String name, InetAddress address, HostClock clock, HostBody body) {
        this.hosts = hosts;
        this.id = id;
        this.name = name;
        this.address = address;
        this.clock = clock;
        this.body = body;
    }

    /**
     * The host the calling task (or a virtual thread it started) runs on; empty for code outside
     * every host (the test body and what it spawns) and on a thread that is not a task of a simulation.
     */
    public static Optional<Host> current() {
        Task<?> task = Task.current();
        if (task != null) {
            return task.node() instanceof Incarnation inc ? Optional.of(inc.host()) : Optional.empty();
        }
        // A virtual thread a task started (a platform thread's runner, under the agent) runs on that task's host.
        SimTask adopted = ThreadOrigin.carrierOfCurrentThread() instanceof Simulator s
                ? s.runningOn(Thread.currentThread()) : null;
        return adopted == null || adopted.incarnation == null ? Optional.empty()
                : Optional.of(adopted.incarnation.host());
    }

    /** The host's name: unique in its simulation, what {@code Heddle.hostName()} returns on it. */
    public String name() {
        return name;
    }

    /**
     * The host's simulated address, from the ranges reserved for documentation (192.0.2.0/24 and
     * so on, RFC 5737), which no real network routes; the simulated network delivers to it.
     */
    public InetAddress address() {
        return address;
    }

    /** How the host's clock differs from true time; the same in every incarnation. */
    public HostClock clock() {
        return clock;
    }

    /** Where the host is in its life now: running, paused or crashed. */
    public State state() {
        return state;
    }

    /** Which life the host is in: 1 from its start, one more at each restart. */
    public int incarnation() {
        return current.number();
    }

    /** What the host keeps across crashes; nothing else survives one. */
    public DurableStore durable() {
        return durable;
    }

    /**
     * The main task of the current incarnation, which runs the body: joining it waits for the
     * body to return (a client's work, say). It ends cancelled when the host crashes.
     */
    public JoinHandle<Void> mainTask() {
        return mainTask;
    }

    /**
     * Crashes the host, running or paused: each of its tasks is stopped at its next suspension
     * point ({@code finally} blocks run, as for an abort), a task they spawn meanwhile is
     * stopped before it starts, and what they do as they stop does not fail the run. Their
     * memory is gone with them; only {@link #durable()} is kept. Then the crash listeners run
     * (the simulated network resets the host's connections there).
     *
     * @throws IllegalStateException when the host is already crashed
     */
    public void crash() {
        hosts.requireInside(this, "crash");
        if (state == State.CRASHED) {
            throw new IllegalStateException("host " + name + " cannot crash: it already crashed (incarnation "
                    + current.number() + "); restart() it first");
        }
        state = State.CRASHED;
        hosts.crashed(this);
        for (Runnable listener : List.copyOf(crashListeners)) {
            listener.run();
        }
    }

    /**
     * Starts the host again after a crash: its body runs anew as the main task of the next
     * incarnation, with the same name, address, clock and durable store.
     *
     * @throws IllegalStateException when the host has not crashed
     */
    public void restart() {
        hosts.requireInside(this, "restart");
        if (state != State.CRASHED) {
            throw new IllegalStateException("host " + name + " cannot restart: it is " + state
                    + "; a host restarts only after crash()");
        }
        start(current.number() + 1);
    }

    /**
     * Pauses the host, as a stopped VM or a long GC pause: its tasks keep their memory, but each
     * one that becomes ready is held, not run, until {@link #resume()}; virtual time goes on.
     * A task in the middle of its step (the caller, when a host pauses itself) finishes the step.
     *
     * @throws IllegalStateException when the host is not running
     */
    public void pause() {
        hosts.requireInside(this, "pause");
        if (state != State.RUNNING) {
            throw new IllegalStateException("host " + name + " cannot pause: it is " + state
                    + "; only a running host pauses");
        }
        state = State.PAUSED;
        hosts.paused(this);
    }

    /**
     * Resumes a paused host: the tasks held while it was paused become ready, in the order they
     * were held, and run as the seed picks among all ready tasks.
     *
     * @throws IllegalStateException when the host is not paused
     */
    public void resume() {
        hosts.requireInside(this, "resume");
        if (state != State.PAUSED) {
            throw new IllegalStateException("host " + name + " cannot resume: it is " + state
                    + "; only a paused host resumes");
        }
        state = State.RUNNING;
        hosts.resumed(this);
    }

    /**
     * Runs {@code listener} at each crash of this host, after its tasks were told to stop, on the
     * task that crashed it: where the simulated network resets the host's connections.
     */
    public void onCrash(Runnable listener) {
        crashListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts incarnation {@code number}: the body as its main task. */
    void start(int number) {
        current = new Incarnation(this, number);
        state = State.RUNNING;
        hosts.started(this);
        mainTask = hosts.spawnBody(current, () -> {
            body.run(this);
            return null;
        });
    }

    int id() {
        return id;
    }

    Incarnation currentIncarnation() {
        return current;
    }

    @Override
    public String toString() {
        return name + " (" + address.getHostAddress() + ", incarnation " + current.number() + ", " + state + ")";
    }
}
