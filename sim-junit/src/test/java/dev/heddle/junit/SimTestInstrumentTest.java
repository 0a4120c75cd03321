package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Sim;
import org.junit.jupiter.api.Test;

/**
 * {@code @SimTest(instrument)} in a JVM without Heddle's agent (this module's tests run without
 * it; sim-agent's own tests run it with the agent): the test fails at once, saying what to add.
 */
class SimTestInstrumentTest {

    static class Samples {
        @SimTest(instrument = "com.example", seeds = 1)
        void instrumented(Sim sim) {}
    }

    @Test
    void withoutTheAgentTheTestFailsSayingWhatToAddToTheArgLine() {
        Throwable failure = SampleRun.of(Samples.class, "instrumented").failure();
        String message = failure.getMessage();
        assertTrue(failure instanceof IllegalStateException, failure.toString());
        assertTrue(message.startsWith("@SimTest(instrument = [com.example]) needs Heddle's Java agent"), message);
        assertTrue(message.contains("<argLine>-javaagent:${settings.localRepository}/dev/heddle/sim-agent/"), message);
        assertTrue(message.contains("Gradle (build.gradle.kts): testRuntimeOnly(\"dev.heddle:sim-agent\")"), message);
    }
}
