package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar itself, as published and as a user's JVM starts it: its manifest, ASM relocated
 * inside it, a good argument that starts the JVM and bad ones that stop it, saying why.
 */
class AgentJarAgentIT {
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
    void theJarIsAnAgentWithItsOwnAsm() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("dev.heddle.agent.HeddleAgent", manifest.getValue("Premain-Class"));
            assertEquals("dev.heddle.agent.HeddleAgent", manifest.getValue("Agent-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
            assertEquals("dev.heddle.agent", manifest.getValue("Automatic-Module-Name"));
            List<String> classes = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).toList();
            assertTrue(classes.contains("dev/heddle/agent/internal/asm/ClassReader.class"), classes.toString());
            assertTrue(classes.stream().allMatch(n -> n.startsWith("dev/heddle/agent/")), classes.toString());
        }
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
