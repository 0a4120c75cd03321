package dev.heddle.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layering of Heddle's main code, checked on its class files (tests and these examples are
 * users of it, not part of it).
 *
 * <pre>
 *   time  &lt;-  runtime (+ runtime.internal, the op layer: SelectableOp, Waiter, WaitQueue)
 *            &lt;-  sync, channel.*, select  (each on the op layer, none on another)
 *            &lt;-  sim  (plugs in at the carrier only)  &lt;-  junit, examples
 *   check  (pure: depends on no other part of Heddle but json)
 *   json  (the codec of Heddle's files, used by check, sim and junit; its module depends on nothing)
 * </pre>
 */
@AnalyzeClasses(packages = "dev.heddle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Packages whose classes may use another area's {@code internal} package: Heddle's own
     * library and benchmarks. The examples are written as a user would write them.
     */
    private static final String[] LIBRARY = {"dev.heddle.time..", "dev.heddle.runtime..", "dev.heddle.sync..",
        "dev.heddle.channel..", "dev.heddle.select..", "dev.heddle.sim..", "dev.heddle.junit..", "dev.heddle.net..",
        "dev.heddle.bench.."};

    /**
     * One slice per package. An {@code internal} package, and the packages below it, may use
     * their own package's API types back (as a class uses its nested types):
     * {@code runtime.internal} holds what {@code runtime}'s API classes are built on and needs
     * some of their types, as {@code net.internal.sim} needs {@code net.Latency}, so that one
     * direction is not counted; every other cycle is.
     */
    @ArchTest
    static void noPackageCycles(JavaClasses heddle) {
        SliceRule rule = slices().matching("dev.heddle.(**)").should().beFreeOfCycles();
        Set<String> internals = new TreeSet<>();
        heddle.forEach(c -> {
            if (c.getPackageName().contains(".internal")) {
                internals.add(c.getPackageName());
            }
        });
        for (String internal : internals) {
            String api = internal.substring(0, internal.indexOf(".internal"));
            rule = rule.ignoreDependency(JavaClass.Predicates.resideInAPackage(internal),
                    JavaClass.Predicates.resideInAPackage(api));
        }
        rule.because("a cycle makes two packages one: neither can be read, tested or changed alone").check(heddle);
    }

    @ArchTest
    static void theSimulatorPlugsInAtTheCarrierOnly(JavaClasses heddle) {
        noClasses().that().resideInAnyPackage("dev.heddle.time..", "dev.heddle.runtime..", "dev.heddle.sync..",
                        "dev.heddle.channel..", "dev.heddle.select..")
                .should().dependOnClassesThat().resideInAPackage("dev.heddle.sim..")
                .because("the simulator is one carrier among others: primitives are written once, on park and"
                        + " unpark, and must behave the same on every runtime")
                .check(heddle);
    }

    @ArchTest
    static void syncChannelsAndSelectStandOnTheOpLayerNotOnEachOther(JavaClasses heddle) {
        noClasses().that().resideInAPackage("dev.heddle.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.heddle.channel..", "dev.heddle.select..")
                .check(heddle);
        noClasses().that().resideInAPackage("dev.heddle.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.heddle.sync..", "dev.heddle.select..")
                .check(heddle);
        noClasses().that().resideInAPackage("dev.heddle.select..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.heddle.sync..", "dev.heddle.channel..")
                .check(heddle);
    }

    @ArchTest
    static void theCheckersArePure(JavaClasses heddle) {
        noClasses().that().resideInAPackage("dev.heddle.check..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.heddle.time..", "dev.heddle.runtime..",
                        "dev.heddle.sync..", "dev.heddle.channel..", "dev.heddle.select..", "dev.heddle.sim..",
                        "dev.heddle.junit..")
                .check(heddle);
    }

    @ArchTest
    static void internalPackagesAreNotUsedOutsideTheLibrary(JavaClasses heddle) {
        noClasses().that().resideOutsideOfPackages(LIBRARY)
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("internal packages are public only for Heddle's own packages and may change in any"
                        + " release; user code (the examples, the checkers' users) goes through the API")
                .check(heddle);
    }
}
