package dev.heddle.net;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimContext;
import dev.heddle.time.Clock;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * A test in phases, as FoundationDB's simulation and Jepsen run one: faults for a while, then
 * every fault healed, then the system must recover within a deadline. Safety is what the test
 * checks all along; the last phase checks liveness, which no amount of faults excuses once they
 * are gone. Each phase runs when called, on the calling task (the test body), in virtual time,
 * while the system under test runs on its hosts.
 *
 * <pre>{@code
 * Simulation.ofSeed(seed).run(sim -> {
 *     startReplicas(sim);
 *     Phases.chaos(Duration.ofMinutes(2), Chaos.builder().partitions(0.2).crashes(0.05).build())
 *           .thenHeal()
 *           .thenExpectWithin(Duration.ofSeconds(30), "all replicas agree", () -> replicasAgree());
 * });
 * }</pre>
 * A system that does not recover in time fails the run; the failure names the deadline and
 * what was checked, and carries the seed and the command that reruns it.
 */
public final class Phases {
    /** How often {@link #thenExpectWithin} asks its check, in virtual time. */
    static final Duration POLL = Duration.ofMillis(10);

    private Phases() {}

    /** Runs {@code chaos} for {@code duration} ({@link Chaos#run}); the faults in force at its end stay. */
    public static Phases chaos(Duration duration, Chaos chaos) {
        Objects.requireNonNull(chaos, "chaos").run(duration);
        return new Phases();
    }

    /**
     * Heals every fault: every partition repaired, every clog and hold released
     * ({@link SimNet#healAll()}), every paused host resumed, every crashed host restarted, in
     * the order the hosts started.
     */
    public Phases thenHeal() {
        SimNet.current().healAll();
        for (Host host : context().hosts()) {
            if (host.state() == Host.State.PAUSED) {
                host.resume();
            } else if (host.state() == Host.State.CRASHED) {
                host.restart();
            }
        }
        return this;
    }

    /**
     * Asks {@code check} every {@link #POLL} (10 ms) of virtual time until it returns true, and
     * fails when it has not within {@code deadline}. A check that returns null or throws has not
     * held yet (a replica still restarting refuses connections); one that is still running at the
     * deadline is stopped there. A miss fails the run with an {@link AssertionError} whose message
     * starts with {@code "liveness:"}, names {@code what} and the deadline, and carries the last
     * exception the check threw.
     *
     * @param what what the check checks, for the failure message: "all replicas agree"
     */
    public Phases thenExpectWithin(Duration deadline, String what, Callable<Boolean> check) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(check, "check");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline for \"" + what + "\" must be positive, was " + deadline);
        }
        context();
        Clock clock = Heddle.clock();
        long start = clock.now();
        long end = clock.deadlineAfter(deadline);
        long checks = 0;
        Exception last = null;
        while (true) {
            long left = end - clock.now();
            if (left <= 0) {
                break;
            }
            checks++;
            try {
                if (Boolean.TRUE.equals(clock.timeout(Duration.ofNanos(left), check))) {
                    return this;
                }
            } catch (Elapsed e) {
                if (clock.now() >= end) {
                    break;
                }
                last = e;
            } catch (CompletionException e) {
                last = e.getCause() instanceof Exception cause ? cause : e;
            } catch (RuntimeException e) {
                last = e;
            }
            clock.sleepUntil(Math.min(end, clock.now() + POLL.toNanos()));
        }
        AssertionError missed = new AssertionError("liveness: \"" + what + "\" did not hold within "
                + text(deadline) + " (the deadline), checked " + checks + " times every " + text(POLL) + " from "
                + seconds(start) + " to " + seconds(clock.now()) + " of virtual time"
                + (last == null ? "" : "; its last check threw " + last));
        if (last != null) {
            missed.initCause(last);
        }
        throw missed;
    }

    private static SimContext context() {
        return SimContext.current().orElseThrow(() -> new IllegalStateException(
                "Phases outside a simulation: phases heal simulated faults; use them in Simulation.run's body"));
    }

    private static String text(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
    }
}
