package dev.heddle.junit.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.heddle.junit.SimTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Finds the {@link SimTest} methods that {@code --tests} names, through the JUnit Platform
 * launcher as Surefire and IDEs find tests: every class named is discovered by the Jupiter
 * engine (so that nested classes, inherited and meta-annotated methods count as JUnit counts
 * them), and its {@code @SimTest} methods are kept, or the one method named. A name that finds
 * nothing is a usage error that says why.
 */
final class TestDiscovery {
    private TestDiscovery() {}

    static List<FuzzTarget> find(List<String> tests) throws UsageError {
        Map<String, FuzzTarget> found = new LinkedHashMap<>();
        for (String test : tests) {
            int hash = test.indexOf('#');
            String className = hash < 0 ? test : test.substring(0, hash);
            String methodName = hash < 0 ? null : test.substring(hash + 1);
            List<FuzzTarget> targets = discover(loadable(className), methodName);
            if (targets.isEmpty()) {
                throw new UsageError(methodName == null
                        ? className + " has no @SimTest methods; the fuzz runner runs @SimTest methods (a plain @Test"
                            + " has no seeds)"
                        : className + " has no @SimTest method named '" + methodName + "'");
            }
            targets.forEach(t -> found.putIfAbsent(t.uniqueId(), t));
        }
        return List.copyOf(found.values());
    }

    private static Class<?> loadable(String className) throws UsageError {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageError("no class " + className + " on the test classpath (" + e.getClass().getSimpleName()
                    + "); give the class's full name, and run with the test classpath (see --help)");
        }
    }

    private static List<FuzzTarget> discover(Class<?> testClass, String methodName) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).filters(EngineFilter.includeEngines("junit-jupiter")).build();
        TestPlan plan = LauncherFactory.create().discover(request);
        List<FuzzTarget> targets = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                simTest(test).filter(s -> methodName == null || s.getMethodName().equals(methodName)).ifPresent(s ->
                        targets.add(new FuzzTarget(test.getUniqueId(), s.getClassName() + "#" + s.getMethodName(),
                                AnnotationSupport.findAnnotation(s.getJavaMethod(), SimTest.class).orElseThrow())));
            }
        }
        return targets;
    }

    /** The test's method, with the class it runs in (a nested or a subclass), when it is a {@code @SimTest} one. */
    private static Optional<MethodSource> simTest(TestIdentifier test) {
        if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource source)) {
            return Optional.empty();
        }
        return AnnotationSupport.isAnnotated(source.getJavaMethod(), SimTest.class) ? Optional.of(source)
                : Optional.empty();
    }
}
