package dev.heddle.agent;

import dev.heddle.agent.test.jdk.ConcurrencyProgram;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's correct programs are correct JDK code: on real platform threads, with no agent
 * and no simulation (this JVM has neither), each runs to its end without breaking its
 * invariant, a few times over. Their buggy twins are not run here: most hang or fail only on
 * schedules a real run seldom takes, which is what the simulation is for.
 */
class JdkConcurrencySuiteRealJvmTest {
    private static final int RUNS = 3;

    static Stream<SuiteProgram> correct() {
        return SuiteProgram.all().stream().filter(p -> p.bug().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void theCorrectProgramKeepsItsInvariantOnRealThreads(SuiteProgram program) throws Exception {
        for (int i = 0; i < RUNS; i++) {
            ConcurrencyProgram p = program.program().get();
            p.run();
        }
    }
}
