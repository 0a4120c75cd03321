package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tests of instrumented code need a JVM started with the agent's jar, which exists only
 * after {@code package}: they run in the {@code with-agent} execution of {@code mvn verify}
 * (or install), which sets {@code heddle.agentTests}. A {@code mvn test -Dtest=...AgentIT}
 * selects them in the plain execution too; there they are skipped, saying why.
 */
final class AgentInThisJvm {
    private AgentInThisJvm() {}

    static void required() {
        String packages = System.getProperty(HeddleAgent.PACKAGES_PROPERTY);
        if (Boolean.getBoolean("heddle.agentTests")) {
            assertNotNull(packages, "the with-agent execution started no agent: check -javaagent in its argLine");
        } else {
            assumeTrue(packages != null, "needs a JVM started with the agent's jar: run mvn verify (or ./heddle test),"
                    + " whose with-agent execution runs the *AgentIT tests after package");
        }
    }
}
