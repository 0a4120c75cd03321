package dev.heddle.junit;

import dev.heddle.sim.Simulation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The build tool running the tests, so that a failure's rerun command is one the user can paste
 * where the tests ran. Gradle's test workers set the system property {@value #GRADLE_WORKER_PROPERTY}
 * (its id among the workers); Surefire, IDEs and the JUnit console launcher get the Maven command.
 */
enum BuildTool {
    MAVEN,
    GRADLE;

    /** Set in every JVM that Gradle forks to run tests. */
    static final String GRADLE_WORKER_PROPERTY = "org.gradle.test.worker";

    static BuildTool running() {
        return System.getProperty(GRADLE_WORKER_PROPERTY) != null ? GRADLE : MAVEN;
    }

    /**
     * The command that replays one seed of one test method, with the {@code -D} {@code properties}
     * that make the seed's run alone the run of the sweep ({@link StrategySettings#rerunProperties}). Maven's
     * {@code failIfNoSpecifiedTests=false} lets it run from the root of a multi-module build, where
     * the modules without this test would otherwise fail Surefire. Gradle's {@code --tests} takes the
     * class's full name, which matches in every Gradle version; the build script forwards
     * {@code -Dheddle.*} properties to the test JVM and sets {@code failOnNoMatchingTests = false}, as the
     * README's Gradle set-up shows.
     */
    String rerunCommand(Class<?> testClass, String method, long seed, List<String> properties) {
        String seedAndSettings = "-Dheddle.seed=" + Simulation.hex(seed)
                + properties.stream().map(p -> " " + p).collect(Collectors.joining());
        return switch (this) {
            case MAVEN -> "mvn test -Dtest='" + simpleName(testClass) + "#" + method + "' " + seedAndSettings
                    + " -Dsurefire.failIfNoSpecifiedTests=false";
            case GRADLE -> "./gradlew test --tests '" + testClass.getName() + "." + method + "' " + seedAndSettings;
        };
    }

    /** The command that replays the decision log {@code file} with one test method ({@link DecisionLogReplay}). */
    String replayCommand(Class<?> testClass, String method, java.nio.file.Path file) {
        String replay = "-D" + DecisionLogReplay.REPLAY_PROPERTY + "='" + file + "'";
        return switch (this) {
            case MAVEN -> "mvn test -Dtest='" + simpleName(testClass) + "#" + method + "' " + replay
                    + " -Dsurefire.failIfNoSpecifiedTests=false";
            case GRADLE -> "./gradlew test --tests '" + testClass.getName() + "." + method + "' " + replay;
        };
    }

    /** The class's binary name without its package ({@code Outer$Inner}), as Surefire's {@code -Dtest} takes it. */
    static String simpleName(Class<?> testClass) {
        String name = testClass.getName();
        return testClass.getPackageName().isEmpty() ? name : name.substring(testClass.getPackageName().length() + 1);
    }
}
