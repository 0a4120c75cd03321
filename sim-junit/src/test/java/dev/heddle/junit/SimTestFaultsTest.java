package dev.heddle.junit;

import static dev.heddle.sim.Buggify.buggify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Sim;
import dev.heddle.sim.SimContext;
import dev.heddle.sim.SimulationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults in a {@link SimTest} sweep: the summary totals each kind and warns of the configured
 * kinds that no seed fired, which fail the test only when named in {@code expectedFaults};
 * {@code swarm} and {@code buggify} reach the simulation.
 */
class SimTestFaultsTest {

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        /** Every seed drops two messages; odd seeds configure duplication, which never fires. */
        static void faults(Sim sim) {
            SimContext context = SimContext.current().orElseThrow();
            context.faultConfigured("net.drop");
            context.faultFired("net.drop");
            context.faultFired("net.drop");
            if (sim.seed() % 2 == 1) {
                context.faultConfigured("net.duplicate");
            }
        }

        @SimTest(seeds = 10)
        void configuresADuplicationThatNeverFires(Sim sim) {
            faults(sim);
        }

        @SimTest(seeds = 10, expectedFaults = {"net.drop", "net.duplicate", "host.crash"})
        void expectsFaultsThatNeverFire(Sim sim) {
            faults(sim);
        }

        @SimTest(seeds = 10, swarm = true)
        void failsInSwarmMode(Sim sim) {
            SimContext.current().orElseThrow().swarm().orElseThrow().rate("net.drop", 0.1);
            throw new IllegalStateException("lost a write");
        }

        @SimTest(seeds = 20, buggify = 1, expectedFaults = "buggify")
        void buggifiesEverySeed(Sim sim) {
            for (int i = 0; i < 20; i++) {
                buggify();
            }
        }

        @SimTest(seeds = 20, buggify = 0)
        void neverBuggifies(Sim sim) {
            for (int i = 0; i < 20; i++) {
                if (buggify(1.0)) {
                    throw new AssertionError("buggify = 0 must keep buggify off");
                }
            }
        }
    }

    @AfterEach
    void reset() {
        System.clearProperty("heddle.seed");
    }

    @Test
    void theSummaryTotalsEachFaultKindAndWarnsOfAnInertOneNamingItsSeeds() {
        SampleRun run = SampleRun.of(Samples.class, "configuresADuplicationThatNeverFires");
        assertTrue(run.passed(), run.output());
        assertEquals("INFO: SimTestFaultsTest$Samples#configuresADuplicationThatNeverFires faults fired over 10 seeds:"
                + " net.drop=20 net.duplicate=0\n"
                + "WARNING: SimTestFaultsTest$Samples#configuresADuplicationThatNeverFires 1 configured fault kind(s)"
                + " never fired in any of 10 seeds; the sweep tested less than it configured:\n"
                + "  fault 'net.duplicate' was configured in 5 of 10 seeds and never fired\n", run.logBesidesThePassedLine());
        assertEquals("", run.out() + run.err(), "the summary and its warning are logged, not printed");
    }

    @Test
    void expectedFaultKindsThatNoSeedFiredFailTheSweepEachNamed() {
        SampleRun run = SampleRun.of(Samples.class, "expectsFaultsThatNeverFire");
        String message = run.failureMessage();
        assertTrue(message.startsWith("SimTestFaultsTest$Samples#expectsFaultsThatNeverFire: 2 of the fault kinds"
                + " named in @SimTest(expectedFaults) fired in none of 10 seeds (0x0 to 0x9):\n"), message);
        assertTrue(message.contains("\n  fault 'net.duplicate' was configured in 5 of 10 seeds and never fired"
                + " (expected)\n"), message);
        assertTrue(message.contains("\n  fault 'host.crash' was never configured and never fired (expected)\n"),
                message);
        assertFalse(message.contains("net.drop"), message);
        assertTrue(message.contains("run more seeds (-Dheddle.seeds=N)"), message);
        assertTrue(run.log().contains("host.crash=0"), run.output());
    }

    @Test
    void aOneSeedReplayListsInertFaultsWithoutFailingOnThem() {
        System.setProperty("heddle.seed", "0x3");
        SampleRun run = SampleRun.of(Samples.class, "expectsFaultsThatNeverFire");
        assertTrue(run.passed(), run.output());
        assertTrue(run.log().contains("fault 'net.duplicate' was configured in 1 of 1 seeds and never fired"
                + " (expected)"), run.output());
    }

    @Test
    void aSwarmFailureNamesTheSeedsProfileAndItsRerunKeepsSwarmMode() {
        SampleRun run = SampleRun.of(Samples.class, "failsInSwarmMode");
        SimulationFailure f = (SimulationFailure) run.failure();
        String profile = f.swarm().orElseThrow().toString();
        assertTrue(f.getMessage().startsWith("seed=0x0 " + profile + " TASK_FAILED"), f.getMessage());
        assertTrue(profile.startsWith("swarm[net.drop="), profile);
        assertTrue(f.rerunCommand().startsWith("mvn test -Dtest='SimTestFaultsTest$Samples#failsInSwarmMode'"
                + " -Dheddle.seed=0x0"), "the rerun runs the annotated method, swarm = true included: "
                + f.rerunCommand());
    }

    @Test
    void buggifyReachesTheSimulation() {
        SampleRun every = SampleRun.of(Samples.class, "buggifiesEverySeed");
        assertTrue(every.passed(), every.output());
        assertTrue(every.logBesidesThePassedLine().matches("(?s).*faults fired over 20 seeds: buggify=[1-9]\\d*\n"),
                every.output());
        SampleRun never = SampleRun.of(Samples.class, "neverBuggifies");
        assertTrue(never.passed(), never.output());
        assertEquals("", never.logBesidesThePassedLine());
    }
}
