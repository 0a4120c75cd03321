package dev.heddle.sim;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.ShutdownSignal;
import dev.heddle.time.Clock;
import dev.heddle.time.TimeDriver;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What a simulated test sees of its simulation: the seed, seeded randomness, the virtual
 * clock, the runtime to spawn tasks on, and the simulated {@link Host}s it starts. Everything
 * but the hosts is also reachable through {@link dev.heddle.runtime.Heddle} from code under
 * test.
 *
 * <p>The test body runs outside every host: its clock is true virtual time and its host name
 * is {@code "sim"}. It plays the world around the hosts (starts, crashes, pauses them), and
 * its own tasks are not a host's.
 *
 * <pre>{@code
 * @SimTest
 * void counterIsAtomic(Sim sim) {
 *     Counter c = new Counter();
 *     var a = sim.spawn(() -> c.increment());
 *     var b = sim.spawn(() -> c.increment());
 *     a.join(); b.join();
 *     assertEquals(2, c.get());
 * }
 * }</pre>
 */
public final class Sim {
    private final long seed;
    private final HeddleRuntime runtime;
    private final Probes probes;
    private final Hosts hosts;
    private final SimTime time;

    Sim(long seed, HeddleRuntime runtime, Probes probes, Hosts hosts, SimTime time) {
        this.time = time;
        this.seed = seed;
        this.runtime = runtime;
        this.probes = probes;
        this.hosts = hosts;
    }

    /** The seed this run draws every decision from; rerunning it replays the run. */
    public long seed() {
        return seed;
    }

    /** Randomness drawn from the seed: the same numbers on every rerun of the seed. */
    public RandomGenerator random() {
        return runtime.random();
    }

    /**
     * The virtual clock; it starts at 0 and moves only when every task waits. Read on a host,
     * it is that host's clock (see {@link HostClock}).
     */
    public Clock clock() {
        return runtime.clock();
    }

    /**
     * Explicit control of virtual time: {@link SimTime#advance(Duration)} and pausing
     * auto-advance, for a test that wants to say when time moves (Tokio's {@code time::advance}).
     */
    public SimTime time() {
        return time;
    }

    /**
     * The simulated runtime, for code that takes a {@link HeddleRuntime}; its tasks, clock and
     * randomness are the simulation's.
     */
    public HeddleRuntime runtime() {
        return runtime;
    }

    /**
     * Starts {@code body} as a simulated task and returns at once; the simulator interleaves
     * it with the other tasks as the seed decides. Called from the test body, the task runs
     * outside every host; called from a host's task, on that host. The run fails if the task
     * fails and nobody joins it.
     *
     * <pre>{@code var h = sim.spawn(() -> counter.increment());}</pre>
     *
     * @throws IllegalStateException when the simulation has ended
     */
    public <T> JoinHandle<T> spawn(Callable<T> body) {
        return runtime.spawn(body);
    }

    /** {@link #spawn(Callable)} for a body without a result. */
    public JoinHandle<Void> spawn(Runnable body) {
        return runtime.spawn(body);
    }

    /** {@link #spawn(Callable)} with a name for the task, which the trace and failure reports show. */
    public <T> JoinHandle<T> spawn(String name, Callable<T> body) {
        return runtime.spawn(name, body);
    }

    /** {@link #spawn(String, Callable)} for a body without a result. */
    public JoinHandle<Void> spawn(String name, Runnable body) {
        return runtime.spawn(name, body);
    }

    /**
     * Suspends the calling task for {@code duration} of virtual time: it returns as soon as
     * every other task waits, without real waiting. A suspension point.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or
     *     its timeout passes
     */
    public void sleep(Duration duration) {
        runtime.clock().sleep(duration);
    }

    /** Virtual nanoseconds since the simulation started, on the calling task's host's clock on a host. */
    public long now() {
        return runtime.clock().now();
    }

    /**
     * Sends the simulated process a ctrl-c (SIGINT) {@code delay} of virtual time from now: every
     * task then waiting in {@link dev.heddle.runtime.Heddle#ctrlC()} (or holding a
     * {@code ctrlCOp()} made before) returns, as on a real runtime when the process is signalled.
     * So a graceful-shutdown program runs unchanged in simulation, with the signal at the moment
     * the test picks; for a moment that differs from seed to seed, draw it from the seed:
     * <pre>{@code sim.sendCtrlCAfter(Duration.ofMillis(sim.random().nextLong(1, 1_000)));}</pre>
     * Call it more than once for more signals. It reaches the whole simulated runtime, not one
     * simulated host.
     *
     * @throws IllegalArgumentException when {@code delay} is negative
     */
    public void sendCtrlCAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay
                    + "; Duration.ZERO sends the signal now");
        }
        TimeDriver driver = RuntimeAccess.carrier(runtime).time();
        ShutdownSignal ctrlC = RuntimeAccess.ctrlC(runtime);
        driver.schedule(driver.now() + delay.toNanos(), ctrlC::deliver);
    }

    /**
     * Starts a simulated host named {@code name} that runs {@code body} as its main task, on a
     * clock drawn from the seed within {@link Simulation#clockSkew}. It gets the next
     * simulated address.
     *
     * @throws IllegalArgumentException when the name is blank, has other characters than
     *     letters, digits, '.', '-' and '_', is {@code "sim"}, or is another host's
     */
    public Host host(String name, HostBody body) {
        return hosts.start(name, null, body);
    }

    /** {@link #host(String, HostBody)} on the clock the test sets, {@link HostClock#EXACT} for true time. */
    public Host host(String name, HostClock clock, HostBody body) {
        return hosts.start(name, Objects.requireNonNull(clock, "clock"), body);
    }

    /** The hosts started so far, in the order they started. */
    public List<Host> hosts() {
        return hosts.all();
    }

    /** Fails the run, with the probe's name, if {@code condition} is false. */
    public void always(String name, boolean condition) {
        probes.always(name, condition, null);
    }

    /**
     * {@link #always(String, boolean)}, its failure saying also what {@code detail} says then (the
     * values that broke the invariant); {@code detail} is called only when the condition is false.
     */
    public void always(String name, boolean condition, Supplier<String> detail) {
        probes.always(name, condition, Objects.requireNonNull(detail, "detail"));
    }

    /**
     * Records whether {@code condition} held here; the sweep's summary lists every
     * {@code sometimes} probe that no seed made true (a scenario the tests never produced).
     */
    public void sometimes(String name, boolean condition) {
        probes.sometimes(name, condition);
    }

    /** Records that this point was reached; the sweep's summary lists points no seed reached. */
    public void reachable(String name) {
        probes.reachable(name);
    }

    /** Fails the run, with the probe's name, if this point is reached. */
    public void unreachable(String name) {
        probes.unreachable(name, null);
    }

    /** {@link #unreachable(String)}, its failure saying also what {@code detail} says then. */
    public void unreachable(String name, Supplier<String> detail) {
        probes.unreachable(name, Objects.requireNonNull(detail, "detail"));
    }

    @Override
    public String toString() {
        return "Sim[" + Simulation.seedText(seed) + "]";
    }
}
