package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shaded jar itself, as a user's JVM starts it: a good argument starts the JVM, a bad one stops it, saying why. */
class BadArgumentsAgentIT {
    private static final Path JAR = Path.of(System.getProperty("heddle.agentJar", "target/sim-agent.jar"));

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    private record Exit(int code, String err) {}

    private static Exit java(String agentArgument) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "no agent jar at " + JAR + ": run mvn verify (or install)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-javaagent:" + JAR + agentArgument, "-version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Exit(p.waitFor(), err);
    }

    @Test
    void packagesStartTheJvm() throws Exception {
        Exit e = java("=com.example,org.example.cache");
        assertEquals(0, e.code(), e.err());
    }

    @Test
    void aBadPackageStopsTheJvmNamingIt() throws Exception {
        Exit jdk = java("=com.example,java.util");
        assertNotEquals(0, jdk.code());
        assertTrue(jdk.err().contains("bad package 'java.util' in -javaagent:sim-agent.jar=com.example,java.util:"
                + " it is part of the JDK"), jdk.err());
        Exit wildcard = java("=com.example.*");
        assertNotEquals(0, wildcard.code());
        assertTrue(wildcard.err().contains("write the package alone, e.g. com.example"), wildcard.err());
    }
}
