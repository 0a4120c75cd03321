package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Swarm mode: each seed turns fault kinds on or off and draws their rates, the same way every time. */
class SwarmProfileTest {
    private static final List<String> KINDS = List.of("net.drop", "net.duplicate", "net.reorder", "host.crash",
            "net.clog");

    private static SwarmProfile profile(Sim sim) {
        return SimContext.current().orElseThrow().swarm().orElseThrow();
    }

    private static String askAll(long seed) {
        SimulationResult r = Simulation.ofSeed(seed).swarm(true).run(sim -> {
            for (String kind : KINDS) {
                profile(sim).rate(kind, 0.2);
            }
        });
        return r.swarm().orElseThrow().toString();
    }

    @Test
    void profilesDifferBetweenSeedsAndEachKindIsOnInAboutHalfOfThem() {
        Set<String> profiles = new HashSet<>();
        int on = 0;
        int asked = 0;
        for (long seed = 0; seed < 200; seed++) {
            SimulationResult r = Simulation.ofSeed(seed).swarm(true).run(sim -> {
                for (String kind : KINDS) {
                    double rate = profile(sim).rate(kind, 0.2);
                    assertTrue(rate >= 0 && rate <= 0.2, kind + " rate " + rate);
                    assertEquals(rate > 0, profile(sim).on(kind));
                }
            });
            profiles.add(r.swarm().orElseThrow().toString());
            on += (int) r.swarm().orElseThrow().kinds().values().stream().filter(b -> b).count();
            asked += KINDS.size();
        }
        // Profiles with a kind on differ in its rate, so only all-off profiles (1 in 32) repeat.
        assertTrue(profiles.size() >= 180, profiles.size() + " distinct profiles in 200 seeds");
        double tolerance = 5 * Math.sqrt(asked * 0.25);
        assertTrue(Math.abs(on - asked * SwarmProfile.P_ON) <= tolerance, on + " of " + asked + " kinds on");
    }

    @Test
    void theSameSeedDrawsTheSameProfileWhateverTheOrderOfAsks() {
        assertEquals(askAll(11), askAll(11));
        SimulationResult forward = Simulation.ofSeed(11).swarm(true).run(sim -> {
            double drop = profile(sim).rate("net.drop", 0.2);
            profile(sim).rate("host.crash", 1);
            assertEquals(drop, profile(sim).rate("net.drop", 0.2), "a later ask returns the same rate");
            assertEquals(2 * drop, profile(sim).rate("net.drop", 0.4), 1e-12, "another largest rate scales the draw");
        });
        SimulationResult backward = Simulation.ofSeed(11).swarm(true).run(sim -> {
            profile(sim).rate("host.crash", 1);
            profile(sim).rate("net.drop", 0.2);
        });
        SwarmProfile f = forward.swarm().orElseThrow();
        SwarmProfile b = backward.swarm().orElseThrow();
        assertEquals(f.rate("net.drop", 0.2), b.rate("net.drop", 0.2));
        assertEquals(f.rate("host.crash", 1), b.rate("host.crash", 1));
    }

    @Test
    void theProfileListsEveryKindAskedOnOrOff() {
        for (long seed = 0; seed < 20; seed++) {
            String text = askAll(seed);
            assertTrue(text.startsWith("swarm[net.drop="), text);
            for (String kind : KINDS) {
                assertTrue(text.contains(kind + "="), text);
            }
        }
        String mixed = null;
        for (long seed = 0; mixed == null; seed++) {
            String text = askAll(seed);
            if (text.contains("=off") && text.contains("=0.")) {
                mixed = text;
            }
        }
        assertTrue(mixed.matches("swarm\\[net\\.drop=(off|0\\.\\d+)(, [a-z.]+=(off|0\\.\\d+))*]"), mixed);
    }

    @Test
    void aFailingRunNamesItsProfileNextToTheSeedAndItsRerunKeepsSwarmMode() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(5).swarm(true).run(sim -> {
            profile(sim).rate("net.drop", 0.1);
            profile(sim).on("host.crash");
            throw new IllegalStateException("lost a write");
        }));
        String profile = f.swarm().orElseThrow().toString();
        assertTrue(f.getMessage().startsWith("seed=0x5 " + profile + " TASK_FAILED: "), f.getMessage());
        assertTrue(profile.startsWith("swarm[net.drop="), profile);
        assertTrue(profile.contains("host.crash=o"), profile);
        assertEquals("Simulation.ofSeed(0x5L).swarm(true).run(...)", f.rerunCommand());
        SimulationResult rerun = Simulation.ofSeed(5).swarm(true).run(sim -> {
            profile(sim).rate("net.drop", 0.1);
            profile(sim).on("host.crash");
        });
        assertEquals(profile, rerun.swarm().orElseThrow().toString());
        assertTrue(rerun.toString().endsWith(" " + profile), rerun.toString());
    }

    @Test
    void withoutSwarmModeThereIsNoProfile() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(5).run(sim -> {
            assertTrue(SimContext.current().orElseThrow().swarm().isEmpty());
            throw new IllegalStateException("lost a write");
        }));
        assertTrue(f.getMessage().startsWith("seed=0x5 TASK_FAILED: "), f.getMessage());
        assertTrue(f.swarm().isEmpty());
        assertEquals("Simulation.ofSeed(0x5L).run(...)", f.rerunCommand());
        assertFalse(Simulation.ofSeed(5).run(sim -> { }).toString().contains("swarm"));
    }

    @Test
    void aNonDeterminismReportKeepsTheProfile() {
        SimulationResult r = Simulation.ofSeed(9).swarm(true).checkDeterminism(sim -> profile(sim).rate("net.drop", 1));
        assertTrue(r.swarm().orElseThrow().toString().startsWith("swarm[net.drop="));
    }

    @Test
    void aLargestRateMustBePositiveAndFinite() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(5).swarm(true).run(sim ->
                profile(sim).rate("net.drop", 0)));
        assertTrue(f.getMessage().contains("the largest rate of fault kind 'net.drop' must be positive and finite,"
                + " was 0.0"), f.getMessage());
    }
}
