package dev.heddle.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which classes the agent instruments: those in the packages it was given (with their
 * subpackages), loaded by a class loader other than the JVM's bootstrap loader, and never the
 * JDK's or Heddle's own libraries'. Heddle's libraries are excluded by their exact packages, not
 * by the {@code dev.heddle} prefix, so that code of Heddle's own that is under test (its
 * examples, benchmarks, the agent's tests in {@code dev.heddle.agent.test}) can be instrumented.
 */
final class InstrumentedPackages {
    private static final List<String> JDK = List.of("java", "javax", "jdk", "sun", "com.sun");
    /** Heddle's library packages, each with its subpackages. */
    private static final List<String> HEDDLE_LIBRARIES = List.of("dev.heddle.runtime", "dev.heddle.sim",
            "dev.heddle.sync", "dev.heddle.channel", "dev.heddle.select", "dev.heddle.time", "dev.heddle.net",
            "dev.heddle.junit", "dev.heddle.check", "dev.heddle.agent.internal");
    /** The agent's own package, excluded alone: {@code dev.heddle.agent.test} holds code under test. */
    private static final String AGENT = "dev.heddle.agent";

    /** The packages asked for, in internal form with a trailing slash ({@code com/example/}). */
    private final List<String> prefixes = new CopyOnWriteArrayList<>();
    private final List<String> names = new CopyOnWriteArrayList<>();

    InstrumentedPackages(List<String> packages) {
        packages.forEach(this::add);
    }

    /** Adds a checked package; false when it was there already. */
    boolean add(String name) {
        if (names.contains(name)) {
            return false;
        }
        names.add(name);
        prefixes.add(name.replace('.', '/') + "/");
        return true;
    }

    /** The packages, as given, comma-separated: what the agent announces. */
    String names() {
        return String.join(",", names);
    }

    /** Whether class {@code internalName} ({@code com/example/Counter}) of a non-bootstrap loader is instrumented. */
    boolean instruments(String internalName) {
        String name = internalName.replace('/', '.');
        if (isJdk(name) || isHeddleLibrary(name) || packageOf(name).equals(AGENT)) {
            return false;
        }
        for (String prefix : prefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether class or package {@code name} is the JDK's. */
    static boolean isJdk(String name) {
        return within(name, JDK);
    }

    /** Whether class or package {@code name} is in one of Heddle's library packages. */
    static boolean isHeddleLibrary(String name) {
        return within(name, HEDDLE_LIBRARIES) || name.equals(AGENT);
    }

    private static boolean within(String name, List<String> packages) {
        for (String p : packages) {
            if (name.equals(p) || name.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
