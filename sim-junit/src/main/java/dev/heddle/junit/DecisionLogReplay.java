package dev.heddle.junit;

import dev.heddle.junit.internal.BuildTool;
import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.DecisionLogShrinker;
import dev.heddle.sim.ShrinkResult;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link SimTest} that replays a decision log instead of sweeping seeds: {@code @SimTest(replay =
 * "FILE")} (a failure kept as a regression test: it passes once the bug is fixed) or
 * {@code -Dheddle.replay=FILE} (the command a failure report prints). With
 * {@code -Dheddle.shrink=true} a replay that fails is shrunk ({@link DecisionLogShrinker}, at most
 * {@code -Dheddle.shrinkReplays=N} replays, {@value #DEFAULT_MAX_REPLAYS} by default), the shrunk
 * log written beside the log as {@code X.shrunk.decisions}, and the test fails with the shrunk
 * run's report, which says what was removed.
 */
final class DecisionLogReplay {
    static final String REPLAY_PROPERTY = "heddle.replay";
    static final String SHRINK_PROPERTY = "heddle.shrink";
    static final String SHRINK_REPLAYS_PROPERTY = "heddle.shrinkReplays";
    static final int DEFAULT_MAX_REPLAYS = DecisionLogShrinker.DEFAULT_MAX_REPLAYS;

    private final Path file;
    private final boolean shrink;
    private final int maxReplays;

    private DecisionLogReplay(Path file, boolean shrink, int maxReplays) {
        this.file = file;
        this.shrink = shrink;
        this.maxReplays = maxReplays;
    }

    /** The replay the properties or the annotation ask for, or null for a sweep. */
    static DecisionLogReplay of(SimTest settings) {
        String property = System.getProperty(REPLAY_PROPERTY);
        String named = property != null && !property.isBlank() ? property.strip() : settings.replay().strip();
        if (named.isEmpty()) {
            return null;
        }
        Path file = Path.of(named);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no decision log at " + file.toAbsolutePath() + " (from "
                    + (property != null && !property.isBlank() ? "-D" + REPLAY_PROPERTY : "@SimTest(replay)")
                    + "); a failed @SimTest writes its log to target/heddle/<Class>#<method>.decisions and names it"
                    + " in its report");
        }
        String replays = System.getProperty(SHRINK_REPLAYS_PROPERTY);
        int max = DEFAULT_MAX_REPLAYS;
        if (replays != null && !replays.isBlank()) {
            try {
                max = Integer.parseInt(replays.strip());
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1) {
                throw new IllegalArgumentException("-D" + SHRINK_REPLAYS_PROPERTY + " must be a number of replays of"
                        + " at least 1, was '" + replays + "'");
            }
        }
        return new DecisionLogReplay(file, Boolean.parseBoolean(System.getProperty(SHRINK_PROPERTY)), max);
    }

    /**
     * Replays the log with {@code configure}'s simulation of its seed (the test's settings) and
     * {@code body}; fails the test as the replayed run fails, shrunk first when asked.
     */
    void run(java.util.function.LongFunction<Simulation> configure, SimBody body, Class<?> testClass, String method,
             BuildTool buildTool) {
        DecisionLog log = DecisionLog.read(file);
        Simulation simulation = log.withRunSettings(configure.apply(log.seed()));
        String command = replayCommand(buildTool, testClass, method, file);
        simulation.rerunCommand(s -> command);
        SimulationFailure failure;
        try {
            simulation.replay(log, body);
            return;
        } catch (SimulationFailure f) {
            failure = f;
        }
        if (!shrink) {
            throw failure.withNote("replayed the decision log " + file + " (" + log.size() + " decisions)");
        }
        ShrinkResult result = DecisionLogShrinker.shrink(simulation, body, log, maxReplays);
        if (!result.reproduced()) {
            throw failure.withNote(result.summary());
        }
        Path shrunkFile = DecisionLogFile.shrunk(file);
        new DecisionLogFile(shrunkFile).write(result.shrunk(), testClass, method);
        Simulation again = log.withRunSettings(configure.apply(log.seed()));
        String shrunkCommand = replayCommand(buildTool, testClass, method, shrunkFile);
        again.rerunCommand(s -> shrunkCommand);
        try {
            again.replay(result.shrunk(), body);
        } catch (SimulationFailure shrunk) {
            throw shrunk.withNote(result.summary() + "\nshrunk decision log: " + shrunkFile + " (the report above is"
                    + " its replay)");
        }
        throw failure.withNote(result.summary() + "\nthe shrunk log " + shrunkFile + " passed when replayed once more:"
                + " the run depends on more than its decisions; the report above is the original log's");
    }

    /** The command that replays the decision log {@code file} with one test method. */
    static String replayCommand(BuildTool buildTool, Class<?> testClass, String method, Path file) {
        return buildTool.command(testClass.getName(), method, List.of("-D" + REPLAY_PROPERTY + "='" + file + "'"));
    }
}
