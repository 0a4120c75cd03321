package dev.heddle.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The agent's argument, {@code -javaagent:sim-agent.jar=com.example,org.example.cache}: the
 * packages to instrument, comma-separated, each with its subpackages. None (no {@code =...}) is
 * allowed: {@code @SimTest(instrument)} then adds packages per test. A bad package fails the
 * JVM's start, naming it and saying why.
 */
final class AgentArguments {
    /** Java's reserved words, which no package name may contain: {@code com.example.Counter.class} is no package. */
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "false", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "null", "package", "private", "protected", "public", "return",
            "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
            "transient", "true", "try", "void", "volatile", "while", "_");

    private AgentArguments() {}

    /** The packages {@code argument} names, checked, in order; empty for null or blank. */
    static List<String> packages(String argument) {
        List<String> packages = new ArrayList<>();
        if (argument == null || argument.isBlank()) {
            return packages;
        }
        for (String item : argument.split(",", -1)) {
            packages.add(checkedPackage(item.strip(), "-javaagent:sim-agent.jar=" + argument));
        }
        return packages;
    }

    /**
     * {@code name} when it is a package the agent may instrument; {@code from} says where it was
     * given, for the message.
     *
     * @throws IllegalArgumentException naming the package and what is wrong with it
     */
    static String checkedPackage(String name, String from) {
        String what = "Heddle's agent: bad package '" + name + "' in " + from + ": ";
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + "an empty name; give packages separated by single commas,"
                    + " e.g. com.example,org.example.cache");
        }
        if (name.endsWith(".*") || name.endsWith(".")) {
            throw new IllegalArgumentException(what + "write the package alone, e.g. "
                    + name.substring(0, name.lastIndexOf('.')) + "; its subpackages are always included");
        }
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                throw new IllegalArgumentException(what + "'" + part + "' is not a Java identifier; give a package"
                        + " name such as com.example (no slashes, spaces, wildcards or class names with .class)");
            }
        }
        if (InstrumentedPackages.isJdk(name)) {
            throw new IllegalArgumentException(what + "it is part of the JDK, which the agent never instruments"
                    + " (the JDK's own concurrency is simulated by Heddle as it is); name your own packages");
        }
        if (InstrumentedPackages.isHeddleLibrary(name)) {
            throw new IllegalArgumentException(what + "it is Heddle's own library code, which the agent never"
                    + " instruments (the simulator schedules it already); name the packages of the code under test");
        }
        return name;
    }

    private static boolean isIdentifier(String part) {
        if (part.isEmpty() || KEYWORDS.contains(part) || !Character.isJavaIdentifierStart(part.charAt(0))) {
            return false;
        }
        for (int i = 1; i < part.length(); i++) {
            if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
