package dev.heddle.junit;

import dev.heddle.junit.internal.BuildTool;
import dev.heddle.junit.internal.RerunProperties;
import dev.heddle.junit.internal.SweepObserver;
import dev.heddle.sim.FaultRecord;
import dev.heddle.sim.ProbeRecord;
import dev.heddle.sim.RunConfiguration;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.internal.SweepSummary;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link SimTest} method once per seed inside a {@link Simulation}. JUnit sees one
 * test; the sweep happens inside it and stops at the first failing seed.
 *
 * <p>A passing sweep's summary (unsatisfied probes, fault tallies) is logged at
 * {@link System.Logger.Level#INFO} and its warnings (inert faults, tasks left waiting) at
 * {@link System.Logger.Level#WARNING}, on the {@code System.Logger} named {@code "dev.heddle.junit"}:
 * a logger rather than standard output, so that a build can silence the summary
 * ({@code dev.heddle.junit.level = WARNING} in {@code logging.properties}) or route it to its own
 * logging. A failure is never only logged: it fails the test, with its report in the exception,
 * and its decision log is written beside the seed file ({@link DecisionLogFile}); a replay of such
 * a log runs instead of the sweep ({@link DecisionLogReplay}).
 */
public final class SimTestExtension implements InvocationInterceptor, ParameterResolver {
    private static final System.Logger LOG = System.getLogger("dev.heddle.junit");

    /** The extension JUnit creates for {@link SimTest}; it holds no state between tests. */
    public SimTestExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sim.class;
    }

    /** The real {@link Sim} of each run is passed when the method is invoked per seed. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return null;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        invocation.skip();
        Method method = call.getExecutable();
        SimTest settings = AnnotationSupport.findAnnotation(method, SimTest.class).orElseThrow();
        Class<?> testClass = method.getDeclaringClass();
        String testId = BuildTool.simpleName(testClass.getName()) + "#" + method.getName();
        SeedFile seedFile = SeedFile.of(testId);
        try (seedFile) {
            BuildTool buildTool = BuildTool.running();
            SeedPlan plan = SeedPlan.of(settings);
            StrategySettings strategy = StrategySettings.of(settings);
            if (settings.instrument().length > 0) {
                InstrumentingAgent.instrument(settings.instrument());
            }
            Object target = call.getTarget().orElse(null);
            List<Object> arguments = call.getArguments();
            SimBody body = sim -> invoke(method, target, arguments, sim);
            DecisionLogReplay replay = DecisionLogReplay.of(settings);
            if (replay != null) {
                replay.run(seed -> configure(settings, seed), body, testClass, method.getName(), buildTool);
                return;
            }
            DecisionLogFile decisionLogFile = DecisionLogFile.besides(seedFile);
            SweepSummary summary = new SweepSummary();
            summary.expect(settings.expectedProbes());
            summary.expectFaults(settings.expectedFaults());
            Seeds seeds = new Seeds(settings, testClass, method.getName(), buildTool, seedFile, body,
                    RerunProperties.of(settings.rerunProperties()));
            Optional<RegressionSeeds> regressions = plan.replay() ? Optional.empty() : RegressionSeeds.of(testClass);
            List<RegressionSeeds.Entry> saved = regressions.map(r -> r.seedsOf(method.getName())).orElse(List.of());
            for (RegressionSeeds.Entry entry : saved) {
                StrategySettings its = StrategySettings.of(settings, entry.properties()::get);
                try {
                    summary.add(seeds.run(entry.seed(), its, settings.checkDeterminism()).result());
                } catch (SimulationFailure f) {
                    throw decisionLogFile.written(f, testClass, method.getName(), buildTool).withNote(
                            "regression seed: saved in " + regressions.get().file().orElseThrow() + " line "
                            + entry.line() + ", replayed before the sweep: the bug it once found is back");
                }
            }
            SweepProgress progress = new SweepProgress(LOG, testId, plan);
            SweepObserver observer = SweepObserver.current();
            long ran = 0;
            for (; plan.continues(ran, progress.elapsedNanos()); ran++) {
                long seed = plan.seed(ran);
                boolean twice = settings.checkDeterminism() || observer.checksDeterminism(seed);
                Seeds.Run run;
                try {
                    run = seeds.run(seed, strategy, twice);
                } catch (SimulationFailure f) {
                    SimulationFailure logged = decisionLogFile.written(f, testClass, method.getName(), buildTool);
                    throw regressions.map(r -> logged.withNote(r.save(method.getName(), seed,
                            strategy.rerunProperties(f.configuration()), what(f)))).orElse(logged);
                }
                observer.passed(seed, twice, faultsFired(run.result()));
                summary.add(run.result());
                strategy.horizon().ran(run.configuration(), run.result().steps());
                progress.ran(ran + 1, seed);
            }
            if (!saved.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, testId + " replayed " + saved.size() + " regression seed"
                        + (saved.size() == 1 ? "" : "s") + " from " + regressions.get().file().orElseThrow()
                        + " before the sweep");
            }
            String report = String.join("\n", Stream.of(summary.summary(ran), strategy.horizonSummary())
                    .filter(part -> !part.isEmpty()).toList());
            if (!report.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, testId + " " + report);
            }
            for (String warning : Stream.concat(summary.warnings(ran).stream(),
                    strategy.horizonWarnings().stream()).toList()) {
                LOG.log(System.Logger.Level.WARNING, testId + " " + warning);
            }
            List<ProbeRecord> missed = summary.missedExpectations();
            List<FaultRecord> missedFaults = summary.missedFaults();
            if ((!missed.isEmpty() || !missedFaults.isEmpty()) && !plan.replay() && observer.judgesExpectations()) {
                throw new AssertionError(missedExpectationsMessage(testId, missed, missedFaults, summary, plan, ran));
            }
            progress.passed(ran);
        }
    }

    private static String missedExpectationsMessage(String testId, List<ProbeRecord> missed,
                                                    List<FaultRecord> missedFaults, SweepSummary summary,
                                                    SeedPlan plan, long ran) {
        String range = ran + " seeds (" + Simulation.hex(plan.first()) + " to " + Simulation.hex(plan.seed(ran - 1)) + ")";
        StringBuilder sb = new StringBuilder(testId + ":");
        if (!missed.isEmpty()) {
            sb.append(" ").append(missed.size()).append(" of the probes named in @SimTest(expectedProbes) were not")
                    .append(" satisfied by any of ").append(range).append(":");
            for (ProbeRecord r : missed) {
                sb.append("\n  ").append(summary.describe(r));
            }
            sb.append("\nEvery expected probe must be hit by some seed: run more seeds (-Dheddle.seeds=N),")
                    .append(" try another strategy (-Dheddle.strategy=PCT, or FIFO with workers), check that the")
                    .append(" probe's name is spelled as in the code and the scenario can happen, or drop the name")
                    .append(" from expectedProbes.");
        }
        if (!missedFaults.isEmpty()) {
            sb.append(missed.isEmpty() ? " " : "\n").append(missedFaults.size()).append(" of the fault kinds named in")
                    .append(" @SimTest(expectedFaults) fired in none of ").append(range).append(":");
            for (FaultRecord f : missedFaults) {
                sb.append("\n  ").append(summary.describe(f, ran));
            }
            sb.append("\nEvery expected fault kind must fire in some seed: check that the test configures it (a")
                    .append(" rate above 0, buggify not turned off), that the code path it acts on runs (messages")
                    .append(" on that link, the buggify point reached), run more seeds (-Dheddle.seeds=N), or drop")
                    .append(" the kind from expectedFaults.");
        }
        return sb.toString();
    }

    /** The faults {@code result}'s run fired, by kind, in the run's order. */
    private static Map<String, Long> faultsFired(SimulationResult result) {
        Map<String, Long> fired = new LinkedHashMap<>();
        for (FaultRecord f : result.faults()) {
            if (f.fired() > 0) {
                fired.put(f.name(), f.fired());
            }
        }
        return fired;
    }

    /** What a failure says in its first line, less the seed, for the comment of its regression seed line. */
    private static String what(SimulationFailure f) {
        String message = String.valueOf(f.getMessage());
        int end = message.indexOf('\n');
        String first = (end < 0 ? message : message.substring(0, end)).replaceFirst("^seed=\\S+\\s*", "");
        return first.length() <= 160 ? first : first.substring(0, 157) + "...";
    }

    /** The simulation of {@code seed} with the annotation's settings but the strategy's ({@link StrategySettings}). */
    private static Simulation configure(SimTest settings, long seed) {
        Simulation simulation = Simulation.ofSeed(seed);
        if (settings.workers() < 0) {
            throw new IllegalArgumentException("@SimTest(workers) must be 0 (one pool of ready tasks) or the number"
                    + " of logical workers to replay, was " + settings.workers());
        }
        if (settings.workers() != 0) {
            simulation.workers(settings.workers());
        }
        if (settings.buggify() >= 0) {
            simulation.buggify(settings.buggify());
        }
        if (settings.maxClockOffsetMillis() < 0 || !(settings.maxClockDriftPpm() >= 0)) {
            throw new IllegalArgumentException("@SimTest(maxClockOffsetMillis, maxClockDriftPpm) must not be negative,"
                    + " were " + settings.maxClockOffsetMillis() + " and " + settings.maxClockDriftPpm());
        }
        return simulation
                .clockSkew(Duration.ofMillis(settings.maxClockOffsetMillis()), settings.maxClockDriftPpm())
                .maxSteps(settings.maxSteps())
                .maxTime(Duration.ofSeconds(settings.maxTimeSeconds()))
                .failOnLeakedTasks(settings.failOnLeakedTasks())
                .onLockHeldAcrossSuspension(settings.onLockHeldAcrossSuspension())
                .swarm(settings.swarm())
                .schedulingPoints(settings.instrument().length > 0);
    }

    /**
     * Runs one seed of one test method as its sweep runs it, with its rerun command and seed file;
     * {@code ownProperties}, the test's own {@code -D} options its rerun commands repeat.
     */
    private record Seeds(SimTest settings, Class<?> testClass, String method, BuildTool buildTool, SeedFile seedFile,
                         SimBody body, List<String> ownProperties) {
        record Run(RunConfiguration configuration, SimulationResult result) {
        }

        /** Runs {@code seed}, {@code twice} to check that the two runs agree. */
        Run run(long seed, StrategySettings strategy, boolean twice) {
            Simulation simulation = TraceFiles.apply(strategy.apply(configure(settings, seed)), seedFile);
            RunConfiguration run = simulation.configuration();
            List<String> rerunProperties = new ArrayList<>(strategy.rerunProperties(run));
            rerunProperties.addAll(ownProperties);
            simulation.rerunCommand(s -> buildTool.rerunCommand(testClass.getName(), method, s, rerunProperties));
            seedFile.record(seed);
            return new Run(run, twice ? simulation.checkDeterminism(body) : simulation.run(body));
        }
    }

    private static void invoke(Method method, Object target, List<Object> arguments, Sim sim) throws Exception {
        Object[] args = arguments.toArray();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Sim.class) {
                args[i] = sim;
            }
        }
        method.setAccessible(true);
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }
}
