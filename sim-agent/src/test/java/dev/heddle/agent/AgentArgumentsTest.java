package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void packagesAreCommaSeparatedAndNoneIsAllowed() {
        assertEquals(List.of("com.example", "org.example.cache"),
                AgentArguments.packages("com.example, org.example.cache"));
        assertEquals(List.of(), AgentArguments.packages(null));
        assertEquals(List.of(), AgentArguments.packages(""));
        assertEquals(List.of("dev.heddle.agent.test", "dev.heddle.examples"),
                AgentArguments.packages("dev.heddle.agent.test,dev.heddle.examples"));
    }

    @Test
    void aBadPackageIsNamedWithWhatIsWrong() {
        assertMessage("com.example,,org.foo", "bad package '' in -javaagent:sim-agent.jar=com.example,,org.foo",
                "an empty name");
        assertMessage("com.example.*", "bad package 'com.example.*'", "write the package alone, e.g. com.example");
        assertMessage("com/example", "bad package 'com/example'", "'com/example' is not a Java identifier");
        assertMessage("com.example.Counter.class", "'class' is not a Java identifier");
        assertMessage("java.util", "bad package 'java.util'", "part of the JDK");
        assertMessage("com.sun.net", "part of the JDK");
        assertMessage("dev.heddle.sim", "bad package 'dev.heddle.sim'", "Heddle's own library code");
        assertMessage("dev.heddle.runtime.internal", "Heddle's own library code");
        assertMessage("dev.heddle.agent", "Heddle's own library code");
    }

    private static void assertMessage(String argument, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentArguments.packages(argument));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
