package dev.heddle.junit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a fuzz run keeps for each failing seed, {@code failures/CLASS#METHOD-SEED} in its
 * output folder: everything needed to look at one failure without the run's console. The one
 * place that writes it: a further artifact of a failure is one more line in {@link #write}.
 *
 * <ul>
 *   <li>{@code seed}: the seed as printed ({@code 0x2a})</li>
 *   <li>{@code rerun}: the command that reruns the seed alone, with the settings it ran under</li>
 *   <li>{@code report.txt}: the test, seed, strategy, kind and signature, then the full report</li>
 * </ul>
 */
final class FailureFolder {
    static final String FAILURES = "failures";

    private FailureFolder() {}

    /** The folder of {@code seed} of {@code test}, relative to the run's output folder. */
    static String name(String test, String seed) {
        String simple = test.substring(test.lastIndexOf('.', test.indexOf('#')) + 1);
        return FAILURES + "/" + simple + (seed.isEmpty() ? "" : "-" + seed);
    }

    /** Writes {@code failure}'s folder under {@code out}, with the full {@code report}. */
    static void write(Path out, FuzzFailure failure, String report) {
        Path folder = out.resolve(failure.folder());
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("seed"), failure.seed() + "\n");
            Files.writeString(folder.resolve("rerun"), failure.rerun() + "\n");
            Files.writeString(folder.resolve("report.txt"), "test: " + failure.test() + "\nseed: " + failure.seed()
                    + "\nstrategy: " + failure.strategy() + "\nkind: " + failure.kind() + "\nsignature: "
                    + failure.signature() + "\n\n" + report.stripTrailing() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the failure folder " + folder.toAbsolutePath() + ": " + e
                    + "; make the output folder writable or choose another with --out", e);
        }
    }
}
