package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import java.util.List;

/** How the lock history tests end a run: the clients of a recorded history, one of them aborted mid-run. */
final class HistoryClients {
    private HistoryClients() {}

    /**
     * Lets the clients start, aborts one chosen by the seed, and waits for all of them; a client
     * may end cancelled, never failed. The recorded history then holds an operation cut short.
     */
    static void abortOneThenJoinAll(Sim sim, List<JoinHandle<Void>> clients) {
        Heddle.yieldNow();
        clients.get(sim.random().nextInt(clients.size())).abort();
        for (JoinHandle<Void> h : clients) {
            try {
                h.join();
            } catch (JoinException e) {
                assertTrue(e.isCancelled(), "a client failed: " + e);
            }
        }
    }
}
