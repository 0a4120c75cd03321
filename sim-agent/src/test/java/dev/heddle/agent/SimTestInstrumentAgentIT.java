package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.heddle.agent.later.Tally;
import dev.heddle.junit.SimTest;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimulationFailure;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** {@code @SimTest(instrument)}: adds a package to the running agent, retransforming what is loaded. */
class SimTestInstrumentAgentIT {

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    static class Samples {
        /** Tally is loaded (by the test below) before the agent is asked to instrument its package. */
        @SimTest(instrument = "dev.heddle.agent.later", seeds = 100)
        void losesAnUpdate(Sim sim) {
            Tally tally = new Tally();
            JoinHandle<Void> a = sim.spawn(tally::add);
            JoinHandle<Void> b = sim.spawn(tally::add);
            a.join();
            b.join();
            sim.always("both adds counted", tally.value() == 2);
        }

        @SimTest(instrument = "java.util", seeds = 1)
        void asksForTheJdk(Sim sim) {}
    }

    private static Throwable failure(String method) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Samples.class, method, Sim.class.getName()))
                .execute().testEvents().failed().list();
        assertEquals(1, failed.size(), "the sample " + method + " fails");
        return failed.getFirst().getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @Test
    void aClassAlreadyLoadedIsInstrumentedAndItsRaceFound() {
        Tally loadedBefore = new Tally();
        loadedBefore.add();
        Throwable t = failure("losesAnUpdate");
        assertTrue(t instanceof SimulationFailure f && f.getMessage().contains("both adds counted"), t.toString());
        assertTrue(System.getProperty(HeddleAgent.PACKAGES_PROPERTY).contains("dev.heddle.agent.later"));
    }

    @Test
    void aBadPackageIsNamed() {
        Throwable t = failure("asksForTheJdk");
        assertTrue(t instanceof IllegalArgumentException && t.getMessage().contains("bad package 'java.util' in"
                + " @SimTest(instrument)") && t.getMessage().contains("part of the JDK"), t.toString());
    }
}
