package dev.heddle.junit;

import dev.heddle.sim.Simulation;
import dev.heddle.sim.timeline.TraceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file that holds the seed a test is running, written before each seed starts, so that a run
 * killed from outside (a CI timeout, a hung JVM) can still be replayed. It is
 * {@code <Class>#<method>.seed} in the folder named by the system property {@value #DIRECTORY_PROPERTY},
 * {@value #DEFAULT_DIRECTORY} by default (relative to the test JVM's working directory: the module's
 * folder under Maven and Gradle); a Gradle build points it at {@code build/heddle}.
 */
record SeedFile(Path path) {

    static final String DIRECTORY_PROPERTY = "heddle.seedDir";
    static final String DEFAULT_DIRECTORY = "target/heddle";

    static SeedFile of(String testId) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            directory = DEFAULT_DIRECTORY;
        }
        return new SeedFile(Path.of(directory.strip(), testId + ".seed"));
    }

    /** Beside it, {@code <Class>#<method>.trace.jsonl}: where a failed seed's replay writes its trace. */
    Path traceFile() {
        String name = path.getFileName().toString();
        return path.resolveSibling(name.substring(0, name.length() - ".seed".length()) + TraceFormat.SUFFIX);
    }

    /** Notes the seed about to run. */
    void record(long seed) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, Simulation.hex(seed) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the running seed in " + path.toAbsolutePath() + ": " + e
                    + "; make " + path.getParent().toAbsolutePath() + " writable, or choose another folder with -D"
                    + DIRECTORY_PROPERTY + "=DIR", e);
        }
    }
}
