package dev.heddle.examples;

import dev.heddle.check.CheckResult;
import dev.heddle.check.HistoryRecorder;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.PendingOperation;
import dev.heddle.check.model.Models;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Clients reading and writing a few keys of a {@link KeyValueManager} at random, every
 * operation recorded into a history that is then checked for linearizability with the
 * {@code kv} model. The same workload runs against the correct clients and against the
 * {@link StaleReadCache}.
 */
public final class KeyValueWorkload {
    private KeyValueWorkload() {}

    /**
     * Runs {@code clients} clients of {@code operations} operations each, built by
     * {@code clientOf} ({@code c -> c} for the plain clients, {@code StaleReadCache::new} for the
     * planted bug), and fails with the checker's counterexample if the history is not
     * linearizable.
     */
    public static void run(int clients, int operations, Function<KeyValueManager.Client, KeyValueStore> clientOf) {
        HistoryRecorder recorder = new HistoryRecorder(Heddle.clock()::now);
        try (KeyValueManager kv = KeyValueManager.start(8)) {
            List<JoinHandle<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                KeyValueManager.Client client = kv.client();
                tasks.add(Heddle.spawn("client-" + id, () -> {
                    try (client) {
                        KeyValueStore store = clientOf.apply(client);
                        for (int i = 0; i < operations; i++) {
                            String key = "k" + Heddle.random().nextInt(2);
                            if (Heddle.random().nextBoolean()) {
                                String value = "c" + id + "-" + i;
                                PendingOperation op = recorder.invoke(id, "put", key, value);
                                store.set(key, value);
                                op.ok(null);
                            } else {
                                PendingOperation op = recorder.invoke(id, "get", key, null);
                                op.ok(store.get(key));
                            }
                        }
                    }
                }));
            }
            for (JoinHandle<Void> t : tasks) {
                t.join();
            }
        }
        CheckResult result = LinearizabilityChecker.of(Models.keyValue()).check(recorder.history());
        if (!result.linearizable()) {
            throw new AssertionError("the key-value history is not linearizable:\n" + result.describe());
        }
    }
}
