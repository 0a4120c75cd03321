package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without {@code --add-opens java.base/java.lang=ALL-UNNAMED}, Heddle fails at once and says how to fix it. */
class MissingAddOpensTest {

    /** Run in a JVM without the flag by the test below. */
    public static void main(String[] args) {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> 1);
        }
    }

    @Test
    void theMessageGivesTheFlagAndTheSurefireSnippet() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MissingAddOpensTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM without the flag must stop by itself");
        assertNotEquals(0, p.exitValue(), out);
        assertTrue(out.contains("--add-opens java.base/java.lang=ALL-UNNAMED"), out);
        assertTrue(out.contains("<argLine>--add-opens java.base/java.lang=ALL-UNNAMED</argLine>"), out);
        assertTrue(out.contains("maven-surefire-plugin"), out);
    }
}
