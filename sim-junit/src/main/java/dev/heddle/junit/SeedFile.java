package dev.heddle.junit;

import dev.heddle.sim.Simulation;
import dev.heddle.sim.timeline.TraceFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file that holds the seed a test is running, written before each seed starts, so that a run
 * killed from outside (a CI timeout, a hung JVM) can still be replayed. It is
 * {@code <Class>#<method>.seed} in the folder named by the system property {@value #DIRECTORY_PROPERTY},
 * {@value #DEFAULT_DIRECTORY} by default (relative to the test JVM's working directory: the module's
 * folder under Maven and Gradle); a Gradle build points it at {@code build/heddle}.
 *
 * <p>The file stays open for the sweep, each seed written over the last: opening, writing and
 * closing it for every seed took about 250 microseconds, a third of a small test's seed. What is
 * written reaches the file as the process writes it, so a killed JVM leaves the seed it ran last.
 */
final class SeedFile implements AutoCloseable {
    static final String DIRECTORY_PROPERTY = "heddle.seedDir";
    static final String DEFAULT_DIRECTORY = "target/heddle";

    private final Path path;
    private final Path traceFile;
    private FileChannel channel;

    private SeedFile(Path path) {
        this.path = path;
        String name = path.getFileName().toString();
        this.traceFile = path.resolveSibling(name.substring(0, name.length() - ".seed".length()) + TraceFormat.SUFFIX);
    }

    static SeedFile of(String testId) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            directory = DEFAULT_DIRECTORY;
        }
        return new SeedFile(Path.of(directory.strip(), testId + ".seed"));
    }

    Path path() {
        return path;
    }

    /** Beside it, {@code <Class>#<method>.trace.jsonl}: where a failed seed's replay writes its trace. */
    Path traceFile() {
        return traceFile;
    }

    /**
     * Notes the seed about to run: its line written from the start of the file, then the file cut
     * to it, so that a kill between the two still leaves the seed as the first line.
     */
    void record(long seed) {
        try {
            if (channel == null) {
                Files.createDirectories(path.getParent());
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            byte[] line = (Simulation.hex(seed) + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.write(ByteBuffer.wrap(line), 0);
            channel.truncate(line.length);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the running seed in " + path.toAbsolutePath() + ": " + e
                    + "; make " + path.getParent().toAbsolutePath() + " writable, or choose another folder with -D"
                    + DIRECTORY_PROPERTY + "=DIR", e);
        }
    }

    /** Ends the sweep's writing; the file keeps the last seed. */
    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
