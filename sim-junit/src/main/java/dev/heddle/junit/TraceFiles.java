package dev.heddle.junit;

import dev.heddle.sim.Simulation;
import java.nio.file.Path;

/**
 * Which trace files a {@link SimTest}'s runs write. A failed seed's replay (which its report
 * needs anyway) writes its trace beside the seed file ({@link SeedFile#traceFile}), and the
 * report names it; with the system property {@value #PROPERTY}{@code =FILE} every run writes its
 * own to FILE, meant for one seed ({@code -Dheddle.seed=0x2a -Dheddle.trace=run.trace.jsonl}):
 * each seed of a sweep replaces the last one's. A relative FILE is read from the test JVM's
 * working folder, the module's under Maven and Gradle.
 */
final class TraceFiles {
    static final String PROPERTY = "heddle.trace";

    private TraceFiles() {}

    /** {@code simulation}, set to write the trace files of a test whose seed file is {@code seedFile}. */
    static Simulation apply(Simulation simulation, SeedFile seedFile) {
        simulation.recordTraceOfFailure(seedFile.traceFile());
        String file = System.getProperty(PROPERTY);
        if (file != null && !file.isBlank()) {
            simulation.recordTrace(Path.of(file.strip()));
        }
        return simulation;
    }
}
