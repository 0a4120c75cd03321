package dev.heddle.junit.internal;

import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * The build tool running the tests, so that a failure's rerun command is one the user can paste
 * where the tests ran. Gradle's test workers set the system property {@value #GRADLE_WORKER_PROPERTY}
 * (its id among the workers); Surefire, IDEs and the JUnit console launcher get the Maven command.
 */
public enum BuildTool {
    MAVEN,
    GRADLE;

    /** Set in every JVM that Gradle forks to run tests. */
    public static final String GRADLE_WORKER_PROPERTY = "org.gradle.test.worker";

    public static BuildTool running() {
        return System.getProperty(GRADLE_WORKER_PROPERTY) != null ? GRADLE : MAVEN;
    }

    /**
     * The command that runs one test method, {@code method} of the class named {@code className}
     * ({@code com.example.Outer$Inner}), with the {@code -D} {@code options}. Maven's
     * {@code failIfNoSpecifiedTests=false} lets it run from the root of a multi-module build, where
     * the modules without this test would otherwise fail Surefire. Gradle's {@code --tests} takes the
     * class's full name, which matches in every Gradle version; the build script forwards
     * {@code -Dheddle.*} properties to the test JVM and sets {@code failOnNoMatchingTests = false}, as the
     * README's Gradle set-up shows.
     */
    public String command(String className, String method, List<String> options) {
        String settings = String.join(" ", options);
        return switch (this) {
            case MAVEN -> "mvn test -Dtest='" + simpleName(className) + "#" + method + "' " + settings
                    + " -Dsurefire.failIfNoSpecifiedTests=false";
            case GRADLE -> "./gradlew test --tests '" + className + "." + method + "' " + settings;
        };
    }

    /**
     * The command that replays one seed of one test method, with the {@code -D} {@code properties}
     * that make the seed's run alone the run of the sweep: the strategy's, and the test's own
     * ({@link RerunProperties}).
     */
    public String rerunCommand(String className, String method, long seed, List<String> properties) {
        List<String> options = new ArrayList<>(properties.size() + 1);
        options.add("-Dheddle.seed=" + Simulation.hex(seed));
        options.addAll(properties);
        return command(className, method, options);
    }

    /** The class's binary name without its package ({@code Outer$Inner}), as Surefire's {@code -Dtest} takes it. */
    public static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
