package dev.heddle.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Records what concurrent clients see, for a later linearizability check. Thread-safe: clients
 * record from their own threads or tasks.
 *
 * <p>Positions come from the clock it is given, read at the invocation and at the completion, so
 * that they reflect real-time order as the clients observed it. In a simulation pass the
 * simulated clock ({@code clock::now}); with a clock that may not advance between operations,
 * a global sequence ({@code new AtomicLong()::incrementAndGet}) keeps more order information,
 * since equal positions count as concurrent.
 *
 * <pre>{@code
 * HistoryRecorder recorder = new HistoryRecorder(System::nanoTime);
 * PendingOperation op = recorder.invoke(clientId, "write", null, 3L);
 * register.set(3L);
 * op.ok(null);
 * CheckResult result = LinearizabilityChecker.of(Models.register()).check(recorder.history());
 * }</pre>
 */
public final class HistoryRecorder {
    private final LongSupplier clock;
    private final List<Operation> completed = new ArrayList<>();
    private final Set<PendingOperation> pending = new LinkedHashSet<>();

    /** @param clock monotonic positions, e.g. {@code System::nanoTime} or a simulated clock */
    public HistoryRecorder(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records the invocation of {@code f} now; complete the returned handle when it returns. */
    public PendingOperation invoke(int client, String f, Object key, Object input) {
        Objects.requireNonNull(f, "f (the operation name)");
        PendingOperation operation = new PendingOperation(this, client, f, key, input, now());
        synchronized (this) {
            pending.add(operation);
        }
        return operation;
    }

    /** Everything recorded so far; operations still pending are included as unknown. */
    public synchronized History history() {
        List<Operation> all = new ArrayList<>(completed);
        for (PendingOperation operation : pending) {
            all.add(operation.asUnknown());
        }
        return new History(all);
    }

    long now() {
        return clock.getAsLong();
    }

    synchronized void completed(PendingOperation handle, Operation operation) {
        pending.remove(handle);
        completed.add(operation);
    }
}
