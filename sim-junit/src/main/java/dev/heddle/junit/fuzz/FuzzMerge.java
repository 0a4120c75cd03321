package dev.heddle.junit.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code fuzz merge [--out DIR] DIR...}: the summaries of a CI matrix's shards, each shard's
 * {@code --out} folder, as one report: the tests' seeds added up, the failures grouped by
 * signature across shards, the failure folders copied into the merged folder, and the exit code
 * of a run that ran every shard's seeds.
 */
final class FuzzMerge {
    static final Path DEFAULT_OUT = Path.of("target", "heddle-fuzz-merged");

    private FuzzMerge() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageError, IOException {
        Path to = DEFAULT_OUT;
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--out")) {
                if (i + 1 == args.size()) {
                    throw new UsageError("--out needs a value");
                }
                to = Path.of(args.get(++i));
            } else if (a.startsWith("-")) {
                throw new UsageError("unknown option '" + a + "' for merge; the options are --out DIR, -h, --help");
            } else {
                shards.add(Path.of(a));
            }
        }
        if (shards.isEmpty()) {
            throw new UsageError("merge needs the shards' output folders (their --out), as DIR...");
        }
        List<FuzzSummary> summaries = new ArrayList<>();
        for (Path shard : shards) {
            if (!Files.isRegularFile(shard.resolve(FuzzSummary.FILE))) {
                throw new UsageError(shard + ": no " + FuzzSummary.FILE + " in this folder; give the --out folder of"
                        + " each shard's fuzz run");
            }
            try {
                summaries.add(FuzzSummary.read(shard));
            } catch (IllegalArgumentException e) {
                throw new UsageError(shard.resolve(FuzzSummary.FILE) + " is not a fuzz summary: " + e.getMessage());
            }
        }
        FuzzSummary merged = FuzzSummary.merge(summaries);
        for (Path shard : shards) {
            copyFailures(shard, to);
        }
        merged.write(to);
        JunitXmlReport.write(to, merged);
        FuzzReport.print(merged, to, out);
        return merged.exitCode();
    }

    private static void copyFailures(Path shard, Path to) throws IOException {
        Path from = shard.resolve(FailureFolder.FAILURES);
        if (!Files.isDirectory(from) || Files.isSameFile(shard, Files.createDirectories(to))) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                Path target = to.resolve(shard.relativize(f).toString());
                try {
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot copy " + f + " to " + target + ": " + e, e);
                }
            });
        }
    }
}
