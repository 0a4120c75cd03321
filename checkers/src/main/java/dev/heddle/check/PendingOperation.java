package dev.heddle.check;

/**
 * An invoked operation that its client has not completed yet. Complete it exactly once with
 * {@link #ok}, {@link #fail} or {@link #unknown}; an operation never completed is recorded as
 * unknown, as a client that crashed.
 */
public final class PendingOperation {
    private final HistoryRecorder recorder;
    private final int client;
    private final String f;
    private final Object key;
    private final Object input;
    private final long call;
    private boolean completed;

    PendingOperation(HistoryRecorder recorder, int client, String f, Object key, Object input,
                     long call) {
        this.recorder = recorder;
        this.client = client;
        this.f = f;
        this.key = key;
        this.input = input;
        this.call = call;
    }

    /** The operation took effect and returned {@code output}. */
    public void ok(Object output) {
        complete(output, Status.OK);
    }

    /** The operation is known not to have taken effect ({@code output} may say why). */
    public void fail(Object output) {
        complete(output, Status.FAILED);
    }

    /** The client cannot tell whether the operation took effect (timeout, lost connection). */
    public void unknown() {
        complete(null, Status.UNKNOWN);
    }

    private void complete(Object output, Status status) {
        synchronized (this) {
            if (completed) {
                throw new IllegalStateException("operation " + f + " of client " + client
                        + " called at " + call + " was already completed; complete each"
                        + " invocation exactly once");
            }
            completed = true;
        }
        long ret = status == Status.UNKNOWN ? Operation.NEVER_RETURNED : recorder.now();
        recorder.completed(this, new Operation(client, f, key, input, output, call, ret, status));
    }

    Operation asUnknown() {
        return Operation.unknown(client, f, key, input, call);
    }
}
