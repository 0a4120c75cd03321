package dev.heddle.junit.fuzz;

import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.timeline.TraceFileException;
import dev.heddle.sim.timeline.TraceTimeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The folder a fuzz run keeps for each failing seed, {@code failures/CLASS#METHOD-SEED} in its
 * output folder: everything needed to look at one failure without the run's console. The one
 * place that writes it: a further artifact of a failure is one more line in {@link #write}.
 *
 * <ul>
 *   <li>{@code seed}: the seed as printed ({@code 0x2a})</li>
 *   <li>{@code rerun}: the command that reruns the seed alone, with the settings it ran under</li>
 *   <li>{@code report.txt}: the test, seed, strategy, kind and signature, then the full report</li>
 *   <li>{@code run.decisions}: the run's decision log, which {@code ./heddle replay} and
 *       {@code -Dheddle.replay} replay, even after the code changed</li>
 *   <li>{@code run.shrunk.decisions} and {@code shrunk.txt}: for the first failure of each signature a
 *       fork meets, the log shrunk and the shrunk run's report, headed by what was removed</li>
 *   <li>{@code trace.jsonl} and {@code timeline.html}: every event of the failed run's replay, and
 *       its timeline (open it in a browser)</li>
 * </ul>
 */
final class FailureFolder {
    static final String FAILURES = "failures";
    /** The decision log's file in a failure's folder; its shrunk log is {@code run.shrunk.decisions} beside it. */
    static final String DECISIONS = "run.decisions";

    private FailureFolder() {}

    /** The folder of {@code seed} of {@code test}, relative to the run's output folder. */
    static String name(String test, String seed) {
        String simple = test.substring(test.lastIndexOf('.', test.indexOf('#')) + 1);
        return FAILURES + "/" + simple + (seed.isEmpty() ? "" : "-" + seed);
    }

    /** Writes {@code failure}'s folder under {@code out}, with the full {@code report}; returns the folder. */
    static Path write(Path out, FuzzFailure failure, String report) {
        Path folder = out.resolve(failure.folder());
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("seed"), failure.seed() + "\n");
            Files.writeString(folder.resolve("rerun"), failure.rerun() + "\n");
            Files.writeString(folder.resolve("report.txt"), "test: " + failure.test() + "\nseed: " + failure.seed()
                    + "\nstrategy: " + failure.strategy() + "\nkind: " + failure.kind() + "\nsignature: "
                    + failure.signature() + "\n\n" + report.stripTrailing() + "\n");
        } catch (IOException e) {
            throw cannotWrite(folder, e);
        }
        return folder;
    }

    /** Adds what the failed run left of itself to its {@code folder}: its decision log, its trace and timeline. */
    static void writeRun(Path folder, SimulationFailure failure) {
        failure.decisionLog().ifPresent(log -> log.write(folder.resolve(DECISIONS)));
        Optional<Path> trace = failure.traceFile();
        if (trace.isPresent() && Files.isRegularFile(trace.get())) {
            try {
                Path copy = Files.copy(trace.get(), folder.resolve("trace.jsonl"), StandardCopyOption.REPLACE_EXISTING);
                TraceTimeline.writeHtml(copy, folder.resolve("timeline.html"));
            } catch (IOException | TraceFileException e) {
                throw cannotWrite(folder, e);
            }
        }
    }

    private static UncheckedIOException cannotWrite(Path folder, Exception e) {
        return new UncheckedIOException("cannot write the failure folder " + folder.toAbsolutePath() + ": " + e
                + "; make the output folder writable or choose another with --out",
                e instanceof IOException io ? io : new IOException(e));
    }
}
