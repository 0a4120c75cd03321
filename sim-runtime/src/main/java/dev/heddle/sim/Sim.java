package dev.heddle.sim;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

/**
 * What a simulated test sees of its simulation: the seed, seeded randomness, the virtual
 * clock and the runtime to spawn tasks on. Everything here is also reachable through
 * {@link dev.heddle.runtime.Heddle} from code under test.
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

    Sim(long seed, HeddleRuntime runtime, Probes probes) {
        this.seed = seed;
        this.runtime = runtime;
        this.probes = probes;
    }

    public long seed() {
        return seed;
    }

    /** Randomness drawn from the seed: the same numbers on every rerun of the seed. */
    public RandomGenerator random() {
        return runtime.random();
    }

    /** The virtual clock; it starts at 0 and moves only when every task waits. */
    public Clock clock() {
        return runtime.clock();
    }

    public HeddleRuntime runtime() {
        return runtime;
    }

    public <T> JoinHandle<T> spawn(Callable<T> body) {
        return runtime.spawn(body);
    }

    public JoinHandle<Void> spawn(Runnable body) {
        return runtime.spawn(body);
    }

    public <T> JoinHandle<T> spawn(String name, Callable<T> body) {
        return runtime.spawn(name, body);
    }

    public JoinHandle<Void> spawn(String name, Runnable body) {
        return runtime.spawn(name, body);
    }

    public void sleep(Duration duration) {
        runtime.clock().sleep(duration);
    }

    /** Virtual nanoseconds since the simulation started. */
    public long now() {
        return runtime.clock().now();
    }

    /** Fails the run, with the probe's name, if {@code condition} is false. */
    public void always(String name, boolean condition) {
        probes.always(name, condition);
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
        probes.unreachable(name);
    }

    @Override
    public String toString() {
        return "Sim[" + Simulation.seedText(seed) + "]";
    }
}
