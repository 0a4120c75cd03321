package dev.heddle.check.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The history files directly in a directory, by extension: a folder of Jepsen or Porcupine logs
 * usually holds notes and scripts beside them, so a file is taken only when its name says it is a
 * history ({@code .edn} and {@code .log} as {@link HistoryFormat#forFileName} reads them, JSON
 * lines as {@code .jsonl} or {@code .json}, and {@code .txt}, the extension of Porcupine's KV logs).
 * Subdirectories are not entered: a run checks what its arguments name, one level deep.
 */
public final class HistoryDirectory {
    /** The extensions taken, in the order a message lists them. */
    public static final List<String> EXTENSIONS = List.of(".jsonl", ".json", ".edn", ".log", ".txt");

    private HistoryDirectory() {
    }

    /** The regular files in {@code directory} with one of the {@link #EXTENSIONS}, sorted by path. */
    public static List<Path> historyFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> EXTENSIONS.stream().anyMatch(file.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        }
    }
}
