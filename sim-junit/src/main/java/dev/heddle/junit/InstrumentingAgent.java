package dev.heddle.junit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Properties;

/**
 * Heddle's Java agent ({@code dev.heddle:sim-agent}) as {@code @SimTest(instrument)} reaches it:
 * the JVM puts an agent's jar on the system class path, so its entry point is found there, by
 * name, without a compile-time dependency on a jar that most test class paths do not carry.
 */
final class InstrumentingAgent {
    private static final String AGENT = "dev.heddle.agent.HeddleAgent";

    private InstrumentingAgent() {}

    /** Asks the agent to instrument {@code packages}; fails saying what to add when it is not loaded. */
    static void instrument(String[] packages) {
        Class<?> agent;
        try {
            agent = Class.forName(AGENT, true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(notLoaded(packages), e);
        }
        try {
            Method instrument = agent.getMethod("instrument", String[].class);
            instrument.invoke(null, (Object) packages);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalStateException notStarted) {
                // On the class path as a dependency, but not started as an agent.
                throw new IllegalStateException(notLoaded(packages), notStarted);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Heddle's agent on the class path has no instrument(String...): its"
                    + " version differs from sim-junit's " + version() + "; use the same version of both", e);
        }
    }

    private static String notLoaded(String[] packages) {
        String version = version();
        return "@SimTest(instrument = " + Arrays.toString(packages) + ") needs Heddle's Java agent, and this test"
                + " JVM was started without it. Maven: add a test dependency on dev.heddle:sim-agent and, in the"
                + " maven-surefire-plugin's <configuration>, <argLine>-javaagent:${settings.localRepository}"
                + "/dev/heddle/sim-agent/" + version + "/sim-agent-" + version + ".jar</argLine> (after the options"
                + " your argLine has already). Gradle (build.gradle.kts): testRuntimeOnly(\"dev.heddle:sim-agent\")"
                + " and, in tasks.test, jvmArgumentProviders.add(CommandLineArgumentProvider { listOf(\"-javaagent:\" +"
                + " configurations.testRuntimeClasspath.get().first { it.name.startsWith(\"sim-agent\") }) }). In an"
                + " IDE: add the same -javaagent to the run configuration's VM options.";
    }

    /** sim-junit's version, as its jar records it; a placeholder when run from classes, not a jar. */
    private static String version() {
        try (InputStream in = InstrumentingAgent.class.getResourceAsStream(
                "/META-INF/maven/dev.heddle/sim-junit/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "VERSION");
            }
        } catch (IOException e) {
            return "VERSION";
        }
        return "VERSION";
    }
}
