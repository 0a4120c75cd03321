package dev.heddle.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's entry points: {@code -javaagent:sim-agent.jar=com.example,org.example.cache}
 * ({@link #premain}), a dynamic attach ({@link #agentmain}), and {@link #instrument}, through
 * which {@code @SimTest(instrument = ...)} adds packages to a running JVM. The packages
 * instrumented so far are announced in the system property {@value #PACKAGES_PROPERTY},
 * comma-separated, which the simulator reads to fail fast when a run asks for scheduling
 * points and no agent, or no package, gives it any. At its start the agent also gives the JDK's
 * timed waits the simulation's virtual clock ({@link JdkClockTransformer}).
 */
public final class HeddleAgent {
    /** The property the simulator reads (its {@code SchedulingPoints.AGENT_PACKAGES_PROPERTY}). */
    public static final String PACKAGES_PROPERTY = "dev.heddle.agent.packages";

    private static Instrumentation instrumentation;
    private static InstrumentedPackages packages;

    private HeddleAgent() {}

    /**
     * Installs the agent before {@code main}.
     *
     * @throws IllegalArgumentException naming a bad package in {@code arguments}: the JVM does not start
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    /** Installs the agent in a running JVM (a dynamic attach), or adds the packages to the installed one. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation);
    }

    private static synchronized void install(String arguments, Instrumentation given) {
        List<String> asked = AgentArguments.packages(arguments);
        if (packages != null) {
            add(asked);
            return;
        }
        packages = new InstrumentedPackages(asked);
        instrumentation = given;
        given.addTransformer(new PointsTransformer(packages), true);
        System.setProperty(PACKAGES_PROPERTY, packages.names());
        JdkClockTransformer.install(given);
    }

    /**
     * Instruments {@code packageNames} too, with their subpackages: classes loaded from now on,
     * and those already loaded (retransformed, such as a test class that is running). Called by
     * {@code @SimTest(instrument)}, by reflection, as the agent's jar is on no compile path.
     *
     * @throws IllegalArgumentException naming a package that is not one, or is the JDK's or Heddle's
     * @throws IllegalStateException when the agent was not started with the JVM
     */
    public static synchronized void instrument(String... packageNames) {
        if (packages == null) {
            throw new IllegalStateException("Heddle's agent is on the class path but was not started: add"
                    + " -javaagent:/path/to/sim-agent.jar to the JVM's options");
        }
        List<String> asked = new ArrayList<>();
        for (String name : packageNames) {
            asked.add(AgentArguments.checkedPackage(name == null ? "" : name.strip(), "@SimTest(instrument)"));
        }
        add(asked);
    }

    private static void add(List<String> asked) {
        List<String> added = new ArrayList<>();
        for (String name : asked) {
            if (packages.add(name)) {
                added.add(name);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        System.setProperty(PACKAGES_PROPERTY, packages.names());
        InstrumentedPackages only = new InstrumentedPackages(added);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (c.getClassLoader() != null && !c.isHidden() && !c.isArray() && instrumentation.isModifiableClass(c)
                    && only.instruments(c.getName().replace('.', '/'))) {
                loaded.add(c);
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("Heddle's agent cannot instrument the loaded classes of " + added
                    + ": " + e.getMessage(), e);
        }
    }
}
