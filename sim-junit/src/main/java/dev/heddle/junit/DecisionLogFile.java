package dev.heddle.junit;

import dev.heddle.junit.internal.BuildTool;
import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.SimulationFailure;
import java.nio.file.Path;

/**
 * Where a {@link SimTest}'s failed run leaves its {@link DecisionLog}: {@code <Class>#<method>.decisions}
 * beside the {@link SeedFile}, and what the failure report then says of it, before the rerun line:
 * the file, and the command that replays it (with {@code -Dheddle.shrink=true}, shrinks it).
 * Shrinking runs on request only, as it replays the failure up to hundreds of times.
 */
record DecisionLogFile(Path path) {

    static DecisionLogFile besides(SeedFile seedFile) {
        String name = seedFile.path().getFileName().toString();
        return new DecisionLogFile(seedFile.path().resolveSibling(name.substring(0, name.length() - ".seed".length())
                + ".decisions"));
    }

    /** The file of the shrunk log of {@code log}: {@code X.decisions} -> {@code X.shrunk.decisions}. */
    static Path shrunk(Path log) {
        String name = log.getFileName().toString();
        String stem = name.endsWith(".decisions") ? name.substring(0, name.length() - ".decisions".length()) : name;
        return log.resolveSibling(stem + ".shrunk.decisions");
    }

    /**
     * Writes {@code failure}'s decision log, noting the test it came from and the folder it ran in,
     * and returns the failure with a note naming the file and how to replay it; {@code failure}
     * itself when it has no log (a stuck step, a determinism check).
     */
    SimulationFailure written(SimulationFailure failure, Class<?> testClass, String method, BuildTool buildTool) {
        if (failure.decisionLog().isEmpty()) {
            return failure;
        }
        DecisionLog log = failure.decisionLog().get();
        write(log, testClass, method);
        return failure.withNote("decision log: " + path + " (" + log.size() + " decisions); replay it with "
                + DecisionLogReplay.replayCommand(buildTool, testClass, method, path) + " (add -Dheddle.shrink=true to shrink it)");
    }

    void write(DecisionLog log, Class<?> testClass, String method) {
        log.withProperty("test", testClass.getName() + "#" + method)
                .withProperty("directory", Path.of("").toAbsolutePath().toString())
                .write(path);
    }
}
