package dev.heddle.junit;

import dev.heddle.sim.LockHeldPolicy;
import dev.heddle.sim.Strategy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test method as a deterministic simulation, once per seed. The method may
 * take a {@link dev.heddle.sim.Sim} parameter: the seed's randomness, virtual clock and
 * spawn. The first failing seed fails the test with a message that starts with
 * {@code seed=0x…} and gives the command that reruns just that seed.
 *
 * <pre>{@code
 * class CounterTest {
 *     @SimTest
 *     void incrementsAreNotLost(Sim sim) {
 *         Counter counter = new Counter();
 *         var a = sim.spawn(counter::increment);
 *         var b = sim.spawn(counter::increment);
 *         a.join();
 *         b.join();
 *         assertEquals(2, counter.get());
 *     }
 * }
 * }</pre>
 *
 * System properties override the annotation for a whole run: {@code heddle.seed} runs exactly
 * one seed (as printed, {@code 0x2a}, or decimal), {@code heddle.seeds} sets the number of
 * seeds, {@code heddle.firstSeed} the first ({@code random} for a new start each run, logged),
 * {@code heddle.duration} a wall-time budget for each sweep ({@code 10m}), {@code heddle.strategy} the strategy, {@code heddle.pctDepth} and
 * {@code heddle.pctHorizon} PCT's depth and horizon, {@code heddle.spuriousWakeups} spurious
 * wake-ups. A failure's rerun command names those a run of its seed alone needs to be the same
 * run (the strategy a {@link Strategy#PORTFOLIO} seed ran and whether it woke waits spuriously,
 * the horizon PCT estimated). {@code heddle.replay} replays a decision log ({@link #replay()}), and
 * {@code heddle.shrink=true} shrinks it when it fails. Test instance fields are shared by all seeds of a
 * method: keep per-run state inside the method.
 *
 * <p>After a passing sweep the test logs a sweep summary: every {@code sim.sometimes} point
 * that was never true and every {@code sim.reachable} point that no seed reached, plus the
 * names in {@link #expectedProbes()} that no seed executed at all. Unhit probes are only
 * listed (a sweep too short to reach a rare scenario is not a bug in the code under test);
 * the test fails on them only for the names in {@link #expectedProbes()}, the scenarios the
 * test states it must exercise.
 *
 * <p>The summary also gives how often each fault kind fired over the sweep, and a warning
 * naming every fault kind some seed configured and no seed fired (an inert fault: the sweep
 * tested less than it configured). Like unhit probes, inert faults fail the test only for the
 * kinds in {@link #expectedFaults()}: whether a fault fires depends on the sweep's length
 * as well as its wiring.
 *
 * <p>{@code @SimTest} also works as a meta-annotation, so a suite can name its own settings
 * once:
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.METHOD)
 * @SimTest(seeds = 20, workers = 4)
 * @interface MultiThreadTest {}
 * }</pre>
 *
 * <p>The summary goes to the {@code System.Logger} named {@code "dev.heddle.junit"}, at
 * {@code INFO}, and its warnings at {@code WARNING} (see {@link SimTestExtension}), so that a
 * build can silence or route them like any other logging.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith(SimTestExtension.class)
public @interface SimTest {

    /** How many seeds to run: seeds {@link #firstSeed()}, {@code firstSeed + 1}, … Default 100. */
    int seeds() default 100;

    /** The first seed of the sweep. */
    long firstSeed() default 0;

    /** Run exactly this seed, as printed in a failure ({@code "0x2a"}); empty means sweep. */
    String seed() default "";

    /**
     * Replay this decision log instead of sweeping seeds: a file a failed run wrote
     * ({@code target/heddle/<Class>#<method>.decisions}, named in its report), relative to the
     * test's working folder. The run follows the log decision for decision, also after the code
     * changed (see {@link dev.heddle.sim.DecisionLog}); kept beside the test, it is a regression
     * test that passes once the bug is fixed. {@code -Dheddle.replay=FILE} does the same for a
     * whole run, and with {@code -Dheddle.shrink=true} a failing replay is shrunk. Empty, the
     * default, sweeps.
     */
    String replay() default "";

    /**
     * How the simulator orders tasks; see {@link Strategy}. Default {@link Strategy#PORTFOLIO}:
     * RANDOM and PCT at depths 1 to 3 in turn across seeds, with spurious wake-ups in half of
     * them, which finds more of the bugs of {@code ./heddle bench bugs-small} than any one
     * strategy alone.
     */
    Strategy strategy() default Strategy.PORTFOLIO;

    /** PCT's depth, when {@link #strategy()} is PCT. */
    int pctDepth() default 3;

    /**
     * The steps over which PCT spreads its change points: about the length of one run, so that
     * they fall inside it. Negative, the default, estimates it from the sweep: the most steps a
     * run before took, and 16 steps before any (measured on small buggy programs to find about
     * as much as a run's own length). The sweep's summary gives the horizon used, and warns when
     * runs took far fewer steps than it, or more than a horizon set here.
     */
    long pctHorizon() default -1;

    /**
     * Replay the multi-thread runtime with this many logical workers (their LIFO slots, local
     * queues and stealing), the seed picking which worker acts at each step; 0, the default,
     * keeps one pool of ready tasks ordered by {@link #strategy()}. Not with PCT.
     */
    int workers() default 0;

    /** Steps one run may take before it counts as a busy loop. */
    long maxSteps() default 1_000_000;

    /** Virtual seconds one run may cover. Default one day. */
    long maxTimeSeconds() default 86_400;

    /** Fail a run whose tasks are still alive when the test method returns. */
    boolean failOnLeakedTasks() default false;

    /**
     * The largest offset, either way, of the clock the seed draws for each host started without
     * one ({@link dev.heddle.sim.Simulation#clockSkew}). Default 100 ms; 0 with a drift of 0
     * gives every host true time.
     */
    long maxClockOffsetMillis() default 100;

    /** The largest drift, either way, of each host's drawn clock, in parts per million. Default 100. */
    double maxClockDriftPpm() default 100;

    /** Also run every seed a second time and fail on any difference between the two runs. */
    boolean checkDeterminism() default false;

    /**
     * What a run does when a task suspends while it holds a {@code synchronized} monitor or a
     * {@code ReentrantLock}: fail (the default), log a warning and go on, or not look at all.
     */
    LockHeldPolicy onLockHeldAcrossSuspension() default LockHeldPolicy.FAIL;

    /**
     * Names of {@code sim.sometimes} and {@code sim.reachable} probes that some seed of the
     * sweep must satisfy (a {@code sometimes} condition true once, a {@code reachable} point
     * reached once). The test fails after a passing sweep when one of them was never
     * satisfied, including a name no seed executed, which the sweep summary cannot otherwise
     * see. A one-seed replay ({@code -Dheddle.seed}) lists them but does not fail on them.
     */
    String[] expectedProbes() default {};

    /**
     * Fault kinds ({@code "net.drop"}, {@code "buggify"}, ...) that some seed of the sweep must
     * fire. The test fails after a passing sweep when one of them fired in no seed, configured
     * or not. A one-seed replay ({@code -Dheddle.seed}) lists them but does not fail on them.
     */
    String[] expectedFaults() default {};

    /**
     * Swarm mode: each seed draws which fault kinds are on and their rates
     * ({@link dev.heddle.sim.Simulation#swarm(boolean)}); failures print the seed's profile.
     */
    boolean swarm() default false;

    /**
     * The share of seeds with {@link dev.heddle.sim.Buggify buggify} on, in [0, 1]; negative,
     * the default, leaves the simulation's default ({@link dev.heddle.sim.Buggify#P_RUN_ENABLED},
     * counted as a configured fault only in runs that reach a buggify point).
     */
    double buggify() default -1;

    /**
     * Packages of the code under test (each with its subpackages) for Heddle's Java agent to
     * instrument, e.g. {@code @SimTest(instrument = "com.example")}: a scheduling point before
     * each read and write of a non-final field or an array element, each atomic or lock call,
     * around {@code synchronized} and on each loop back-edge, so that the seeds interleave tasks
     * there ({@link dev.heddle.sim.Simulation#schedulingPoints(boolean)}, on for this test's
     * runs). Classes already loaded, the test class included, are instrumented at once. Empty,
     * the default, turns no points on.
     *
     * <p>Needs the agent in the test JVM: with Maven, a test dependency on {@code dev.heddle:sim-agent}
     * and Surefire's {@code <argLine>-javaagent:${settings.localRepository}/dev/heddle/sim-agent/VERSION/}
     * {@code sim-agent-VERSION.jar</argLine>} (the README shows Gradle's); without it the test
     * fails at once, saying what to add.
     */
    String[] instrument() default {};

    /**
     * Spurious wake-ups on demand: each seed may wake waits without a signal, as the JDK allows,
     * so that a wait not in a loop around its condition fails
     * ({@link dev.heddle.sim.Simulation#spuriousWakeups(boolean)}).
     */
    boolean spuriousWakeups() default false;

    /**
     * Names of the test's own system properties that change what a run does, such as a switch
     * {@code -Dshop.cache=lru} the code under test reads: a failure's rerun command repeats each
     * one set, {@code -Dshop.cache=lru}, so that the pasted command runs the same program. Heddle's
     * own settings are in the command without being named here.
     */
    String[] rerunProperties() default {};
}
