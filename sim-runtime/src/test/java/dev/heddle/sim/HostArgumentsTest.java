package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.runtime.Heddle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad argument and every move a host cannot make fails at once, naming the value. */
class HostArgumentsTest {
    private static final HostBody IDLE = self -> Heddle.sleep(Duration.ofHours(1));

    private static void fails(Class<? extends Throwable> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void badHostNamesAndMissingArgumentsAreRefused() {
        Simulation.ofSeed(1).run(sim -> {
            sim.host("a", IDLE);
            fails(NullPointerException.class, "host name must not be null", () -> sim.host(null, IDLE));
            fails(IllegalArgumentException.class, "host name must be letters, digits, '.', '-' or '_' (the simulated"
                    + " network resolves it), was ''", () -> sim.host("", IDLE));
            fails(IllegalArgumentException.class, "host name must be letters, digits, '.', '-' or '_' (the simulated"
                    + " network resolves it), was '  '", () -> sim.host("  ", IDLE));
            fails(IllegalArgumentException.class, "host name must be letters, digits, '.', '-' or '_' (the simulated"
                    + " network resolves it), was 'db 1'", () -> sim.host("db 1", IDLE));
            fails(IllegalArgumentException.class, "host name 'sim' is taken: it is the host name of code outside"
                    + " every host; choose another", () -> sim.host("sim", IDLE));
            fails(IllegalArgumentException.class, "host name 'a' is already taken by host a (192.0.2.1, incarnation 1,"
                    + " RUNNING); each host needs a name of its own", () -> sim.host("a", IDLE));
            fails(NullPointerException.class, "body", () -> sim.host("b", null));
            fails(NullPointerException.class, "clock", () -> sim.host("b", null, IDLE));
            assertEquals(1, sim.hosts().size(), "no refused host was started");
        });
    }

    @Test
    void clocksOutOfBoundsAreRefused() {
        fails(NullPointerException.class, "offset", () -> new HostClock(null, 0));
        fails(IllegalArgumentException.class, "a host's clock offset must be within +-36500 days, was PT-876001H",
                () -> new HostClock(Duration.ofHours(-876_001), 0));
        fails(IllegalArgumentException.class, "a host's clock drift must be a number of ppm within +-100000 (a clock"
                + " 10% fast or slow), was -200000.0", () -> new HostClock(Duration.ZERO, -200_000));
        fails(IllegalArgumentException.class, "a host's clock drift must be a number of ppm within +-100000 (a clock"
                + " 10% fast or slow), was NaN", () -> new HostClock(Duration.ZERO, Double.NaN));
        fails(IllegalArgumentException.class, "a host's clock drift must be a number of ppm within +-100000 (a clock"
                + " 10% fast or slow), was Infinity", () -> new HostClock(Duration.ZERO, Double.POSITIVE_INFINITY));

        Simulation s = Simulation.ofSeed(1);
        fails(NullPointerException.class, "maxOffset", () -> s.clockSkew(null, 0));
        fails(IllegalArgumentException.class, "clockSkew's maxOffset must be between 0 and 36500 days, was PT-0.001S",
                () -> s.clockSkew(Duration.ofMillis(-1), 0));
        fails(IllegalArgumentException.class, "clockSkew's maxDriftPpm must not be negative, was -1.0",
                () -> s.clockSkew(Duration.ZERO, -1));
        fails(IllegalArgumentException.class, "clockSkew's maxDriftPpm must be a number of ppm within +-100000 (a"
                + " clock 10% fast or slow), was 1000000.0", () -> s.clockSkew(Duration.ZERO, 1_000_000));
    }

    @Test
    void movesAHostCannotMakeAreRefusedNamingItsState() {
        Simulation.ofSeed(2).run(sim -> {
            Host h = sim.host("h", IDLE);
            fails(IllegalStateException.class, "host h cannot restart: it is RUNNING; a host restarts only after"
                    + " crash()", h::restart);
            fails(IllegalStateException.class, "host h cannot resume: it is RUNNING; only a paused host resumes",
                    h::resume);
            h.pause();
            fails(IllegalStateException.class, "host h cannot pause: it is PAUSED; only a running host pauses",
                    h::pause);
            fails(IllegalStateException.class, "host h cannot restart: it is PAUSED; a host restarts only after"
                    + " crash()", h::restart);
            h.crash();
            fails(IllegalStateException.class, "host h cannot crash: it already crashed (incarnation 1); restart() it"
                    + " first", h::crash);
            fails(IllegalStateException.class, "host h cannot pause: it is CRASHED; only a running host pauses",
                    h::pause);
            fails(IllegalStateException.class, "host h cannot resume: it is CRASHED; only a paused host resumes",
                    h::resume);
            h.restart();
            assertEquals(2, h.incarnation());
        });
    }

    @Test
    void hostsChangeOnlyInsideTheirRun() {
        List<Object> kept = new ArrayList<>();
        Simulation.ofSeed(3).run(sim -> {
            kept.add(sim);
            kept.add(sim.host("h", IDLE));
        });
        Host h = (Host) kept.get(1);
        String thread = Thread.currentThread().toString();
        fails(IllegalStateException.class, "host h.crash() must be called from a task of its simulation while it runs,"
                + " was called on " + thread, h::crash);
        fails(IllegalStateException.class, "start host 'g' must be called from a task of its simulation while it"
                + " runs, was called on " + thread, () -> ((Sim) kept.get(0)).host("g", IDLE));
        Simulation.ofSeed(4).run(other -> fails(IllegalStateException.class, "host h.pause() must be called from a task"
                + " of its simulation while it runs, was called on " + Thread.currentThread(), h::pause));
    }
}
