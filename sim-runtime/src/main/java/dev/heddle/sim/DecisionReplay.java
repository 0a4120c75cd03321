package dev.heddle.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's way through a {@link DecisionLog} it replays. Each stream of the run reads the log's
 * stream of the same name at its own cursor, so that a draw more or less in one stream leaves
 * the others in step. A draw takes the next entry of its stream when kind and bound match; when
 * they do not, an entry a few further on that matches is taken and those before it are skipped
 * (draws the code no longer makes); when none does, the draw is new and falls back (to the seed,
 * or in a shrunk log to the simplest value), the cursor staying where it was. A scheduling
 * decision takes the task its entry names when that task is ready; an entry whose task has ended
 * is skipped; otherwise the choice falls back and the entry waits for its task. What was
 * skipped and new is counted, and which entries were used is kept, for shrinking.
 */
final class DecisionReplay {
    /** How many entries past a mismatch a draw looks for its own: draws removed from the code in one place. */
    static final int LOOKAHEAD = 8;

    private final DecisionLog log;
    private final boolean seedFallback;
    private final int[][] byStream;
    private final int[] cursor;
    private final boolean[] used;
    private final Map<String, Integer> logStreams = new HashMap<>();
    private int[] liveToLog = new int[16];
    private final Set<Long> ended = new HashSet<>();
    private int skipped;
    private int fellBack;

    /** A replay of {@code log}; decisions it does not hold come from the seed or, in a shrunk log, are the simplest. */
    DecisionReplay(DecisionLog log) {
        this.log = log;
        this.seedFallback = log.fallsBackToSeed();
        List<String> streams = log.streams();
        int[] counts = new int[streams.size()];
        for (int i = 0; i < log.size(); i++) {
            counts[log.stream(i)]++;
        }
        byStream = new int[streams.size()][];
        for (int s = 0; s < streams.size(); s++) {
            byStream[s] = new int[counts[s]];
            logStreams.put(streams.get(s), s);
        }
        int[] filled = new int[streams.size()];
        for (int i = 0; i < log.size(); i++) {
            int s = log.stream(i);
            byStream[s][filled[s]++] = i;
        }
        cursor = new int[streams.size()];
        used = new boolean[log.size()];
    }

    /** The run opened its stream number {@code live}, named {@code name}: it reads the log's stream of that name. */
    void streamOpened(int live, String name) {
        if (live >= liveToLog.length) {
            liveToLog = Arrays.copyOf(liveToLog, Math.max(live + 1, 2 * liveToLog.length));
        }
        liveToLog[live] = logStreams.getOrDefault(name, -1);
    }

    /** Whether a decision the log does not hold comes from the seed; else it is the simplest. */
    boolean fallsBackToSeed() {
        return seedFallback;
    }

    /** The entry for a draw of {@code kind} and {@code bound} in stream {@code live}, consumed; -1 for a new draw. */
    int draw(int live, DrawKind kind, long bound) {
        int s = liveToLog[live];
        if (s >= 0) {
            int[] entries = byStream[s];
            int end = Math.min(entries.length, cursor[s] + LOOKAHEAD + 1);
            for (int j = cursor[s]; j < end; j++) {
                int e = entries[j];
                if (log.kind(e) == kind && log.bound(e) == bound) {
                    return take(s, j, e);
                }
            }
        }
        fellBack++;
        return -1;
    }

    long value(int entry) {
        return log.value(entry);
    }

    /** The index in {@code ready} of the task the next scheduling entry names, consumed; -1 when it is not ready. */
    int task(int live, List<SimTask> ready) {
        int s = liveToLog[live];
        if (s >= 0) {
            int[] entries = byStream[s];
            while (cursor[s] < entries.length) {
                int e = entries[cursor[s]];
                long key = log.value(e);
                for (int i = 0; i < ready.size(); i++) {
                    if (ready.get(i).key == key) {
                        take(s, cursor[s], e);
                        return i;
                    }
                }
                if (!ended.contains(key)) {
                    break;
                }
                cursor[s]++;
                skipped++;
            }
        }
        fellBack++;
        return -1;
    }

    /** The task of key {@code key} ended: entries that name it later are skipped. */
    void ended(long key) {
        ended.add(key);
    }

    private int take(int s, int j, int entry) {
        skipped += j - cursor[s];
        cursor[s] = j + 1;
        used[entry] = true;
        return entry;
    }

    /** Which of the log's entries the run used. */
    boolean[] used() {
        return used.clone();
    }

    /** Entries passed over: draws the code no longer makes, tasks that had ended. */
    int skipped() {
        return skipped;
    }

    /** Decisions the log did not hold, which fell back. */
    int fellBack() {
        return fellBack;
    }
}
