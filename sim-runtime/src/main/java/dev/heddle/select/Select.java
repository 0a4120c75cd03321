package dev.heddle.select;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.time.Elapsed;
import dev.heddle.time.Interval;
import dev.heddle.time.Sleep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits on several operations at once and runs the handler of the one that completes first
 * (Tokio's {@code select!}).
 *
 * <pre>{@code
 * String what = Select.<String>select()
 *         .on(orders.recvOp(), order -> "order " + order)
 *         .when(!draining).on(events.recvOp(), event -> "event " + event)
 *         .sleep(Duration.ofSeconds(1), () -> "idle")
 *         .orElse(() -> "both channels closed")
 *         .run();
 * }</pre>
 * A branch is any {@link SelectableOp}: each primitive offers its own ({@code recvOp()} of
 * every channel receiver, {@code changedOp()} of a watch, {@code sendOp(value)} and
 * {@code reserveOp()} of an mpsc sender, {@code lockOp()}, {@code acquireOp(n)},
 * {@code notifiedOp()} of the sync primitives); this class adds sleeps, deadlines, joins
 * and cancellation.
 *
 * <p><b>Cancellation safety by construction.</b> Exactly one branch commits: every branch is a
 * {@link SelectableOp} waiting with the same {@link Waiter}, which exactly one primitive can
 * claim, and a primitive commits (hands over a value, grants a permit) only after it claimed
 * it. The losing branches consume nothing, take nothing, and their queued nodes are removed
 * before {@link #run()} returns or throws, so an aborted or timed-out select leaves no trace.
 *
 * <p>Branches are polled from a random first branch by default (drawn from the simulation's
 * seed in simulation), so that no branch starves; {@link #biased()} polls them in written
 * order. A branch whose operation completes with a closed outcome (a receive on a closed,
 * drained channel), or with a value its pattern rejects ({@link #on(SelectableOp, Predicate,
 * Function)}, Tokio's refutable {@code Some(v) = ...}), is disabled and the select goes on with
 * the others; when every branch is disabled, {@link #orElse} runs (Tokio's {@code else}), or
 * the select fails if it has none. {@link #ready} adds a branch computed on the selecting task
 * when polled, Tokio's {@code async { ... }} branch that never waits.
 *
 * <p>Handlers run on the calling task after the select is decided; an exception they throw
 * leaves {@link #run()} as it is. A select object is built and run once.
 *
 * @param <R> what the handlers return
 */
public final class Select<R> {
    private final List<Branch<?, R>> branches = new ArrayList<>();
    private boolean biased;
    private boolean nextEnabled = true;
    private boolean guardPending;
    private Supplier<? extends R> orElse;
    private boolean ran;

    private Select() {}

    /** Starts building a select whose handlers return {@code R}. */
    public static <R> Select<R> select() {
        return new Select<>();
    }

    /**
     * Waits for {@code op} for at most {@code limit} (Tokio's {@code timeout} around one
     * operation). When the limit passes first, the operation has not committed.
     *
     * @throws Elapsed if {@code limit} passed first
     */
    public static <T> T timeout(Duration limit, SelectableOp<T> op) {
        Select<T> select = Select.<T>select().biased().on(op, Function.identity());
        return select.sleep(limit, () -> {
            throw new Elapsed(limit);
        }).run();
    }

    /** Polls the branches in the order they were written instead of from a random one. */
    public Select<R> biased() {
        this.biased = true;
        return this;
    }

    /**
     * Guards the next branch added (Tokio's {@code , if cond}): when {@code enabled} is false,
     * that branch is not polled and its operation is never started.
     */
    public Select<R> when(boolean enabled) {
        if (guardPending) {
            throw new IllegalStateException("when(...) called twice in a row: each guard applies to the branch"
                    + " added right after it");
        }
        this.nextEnabled = enabled;
        this.guardPending = true;
        return this;
    }

    /**
     * Adds a branch for {@code op}; {@code handler} gets its result. A branch whose op completes
     * with a closed outcome (a receive on a closed, drained channel) is disabled.
     */
    public <T> Select<R> on(SelectableOp<T> op, Function<? super T, ? extends R> handler) {
        return add(op, null, handler);
    }

    /**
     * Adds a branch for {@code op} whose value must match {@code pattern} (Tokio's
     * {@code Some(v) = op => ...}): when the op completes with a value that {@code pattern}
     * rejects, that value is dropped, the branch is disabled, and the select goes on waiting on
     * the others (or runs {@link #orElse} when none is left), as a closed outcome does.
     */
    public <T> Select<R> on(SelectableOp<T> op, Predicate<? super T> pattern,
            Function<? super T, ? extends R> handler) {
        return add(op, pattern, handler);
    }

    /**
     * Adds a branch that is ready as soon as the select polls it (Tokio's {@code async { ... }}
     * branch that does not wait): {@code value} runs when this branch is polled, and only if it
     * is, on the selecting task. In a {@link #biased()} select an earlier ready branch wins
     * first and {@code value} never runs; otherwise the seeded random first branch decides.
     */
    public <T> Select<R> ready(Supplier<? extends T> value, Function<? super T, ? extends R> handler) {
        return add(new ReadyOp<>(value), null, handler);
    }

    /**
     * {@link #ready(Supplier, Function)} whose value must match {@code pattern}: a value it
     * rejects disables the branch, and the select goes on with the others (Tokio's
     * {@code Some(v) = async { None } => ...}); {@code value} runs at most once.
     */
    public <T> Select<R> ready(Supplier<? extends T> value, Predicate<? super T> pattern,
            Function<? super T, ? extends R> handler) {
        return add(new ReadyOp<>(value), pattern, handler);
    }

    private <T> Select<R> add(SelectableOp<T> op, Predicate<? super T> pattern,
            Function<? super T, ? extends R> handler) {
        if (ran) {
            throw new IllegalStateException("this select already ran; build a new one for the next wait");
        }
        branches.add(new Branch<>(op, pattern, handler, nextEnabled));
        nextEnabled = true;
        guardPending = false;
        return this;
    }

    /** Adds a branch that completes once {@code duration} has passed, counted from {@link #run()}. */
    public Select<R> sleep(Duration duration, Supplier<? extends R> handler) {
        return on(SleepOp.after(duration), ignored -> handler.get());
    }

    /**
     * Adds a branch that completes once {@code sleep}'s deadline passes (Tokio's {@code &mut sleep}
     * branch). The deadline is read now; the sleep itself is not consumed, so a loop of selects
     * can offer the same sleep, {@link Sleep#reset(long) reset} between iterations. Offering it
     * starts it, as Tokio's select polls it: once its deadline passes it {@link Sleep#isElapsed()
     * is elapsed} whichever branch won.
     */
    public Select<R> sleep(Sleep sleep, Supplier<? extends R> handler) {
        sleep.reset(sleep.deadline());
        return deadline(sleep.deadline(), handler);
    }

    /**
     * Adds a branch that completes at {@code interval}'s next tick and takes that tick (Tokio's
     * {@code interval.tick()} branch, a heartbeat in a loop of selects); {@code handler} gets the
     * time the tick was scheduled for, as {@link Interval#tick()} returns it. A branch that loses
     * takes no tick, so the next select offers the same one.
     */
    public Select<R> tick(Interval interval, LongFunction<? extends R> handler) {
        return deadline(interval.nextTick(), () -> handler.apply(interval.tick()));
    }

    /** Adds a branch that completes once the runtime clock reaches {@code deadline} (a value of {@code Clock.now()}). */
    public Select<R> deadline(long deadline, Supplier<? extends R> handler) {
        return on(SleepOp.until(deadline), ignored -> handler.get());
    }

    /**
     * Adds a branch that completes when the task of {@code handle} ends; {@code handler} gets its
     * value. A task that failed or was cancelled makes {@link #run()} throw its
     * {@link dev.heddle.runtime.JoinException}.
     */
    public <T> Select<R> join(JoinHandle<T> handle, Function<? super T, ? extends R> handler) {
        return on(handle.joinOp(), handler);
    }

    /** Adds a branch that completes when {@code token} is cancelled. */
    public Select<R> cancelled(CancellationToken token, Supplier<? extends R> handler) {
        return on(new CancelledOp(token), ignored -> handler.get());
    }

    /** What {@link #run()} returns when every branch is disabled by its guard or closed. */
    public Select<R> orElse(Supplier<? extends R> handler) {
        this.orElse = handler;
        return this;
    }

    /**
     * Waits until one branch commits and returns its handler's value.
     *
     * @throws IllegalStateException if every branch is disabled or closed and there is no {@link #orElse}
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes first; no branch has committed then
     */
    public R run() {
        if (ran) {
            throw new IllegalStateException("this select already ran; build a new one for the next wait");
        }
        if (guardPending) {
            throw new IllegalStateException("when(...) must be followed by the branch it guards");
        }
        ran = true;
        // One unit per select, spent before any branch can commit (Tokio's select! checks the
        // budget first): a loop of selects with a branch always ready still lets others run.
        Budget.spend();
        int n = branches.size();
        int start = biased ? 0 : firstBranch(n);
        while (true) {
            boolean anyEnabled = false;
            for (int k = 0; k < n; k++) {
                int i = (start + k) % n;
                Branch<?, R> b = branches.get(i);
                if (!b.enabled) {
                    continue;
                }
                if (b.op.tryNow()) {
                    if (b.outcomeDisables()) {
                        b.enabled = false;
                        continue;
                    }
                    return b.handle();
                }
                anyEnabled = true;
            }
            if (!anyEnabled) {
                if (orElse == null) {
                    throw new IllegalStateException("every branch of this select is disabled by its guard or closed,"
                            + " and it has no orElse(...): add one, or check the channels before selecting");
                }
                return orElse.get();
            }
            int won = waitForOne(start);
            Branch<?, R> winner = branches.get(won);
            if (!winner.outcomeDisables()) {
                return winner.handle();
            }
            winner.enabled = false;
        }
    }

    /** Enqueues every enabled branch with one waiter, waits for a claim, and dequeues them all. */
    private int waitForOne(int start) {
        int n = branches.size();
        Waiter waiter = new Waiter();
        int enqueued = 0;
        try {
            for (; enqueued < n && waiter.isWaiting(); enqueued++) {
                int i = (start + enqueued) % n;
                Branch<?, R> b = branches.get(i);
                if (b.enabled) {
                    b.op.enqueue(waiter, i);
                }
            }
            return waiter.awaitClaim();
        } finally {
            for (int k = 0; k < enqueued; k++) {
                Branch<?, R> b = branches.get((start + k) % n);
                if (b.enabled) {
                    b.op.dequeue();
                }
            }
        }
    }

    /** A random first branch: seeded in simulation, so a seed replays the same choices. */
    private static int firstBranch(int n) {
        if (n <= 1) {
            return 0;
        }
        Task<?> task = Task.current();
        return task == null ? ThreadLocalRandom.current().nextInt(n) : task.carrier().selectStart(n);
    }

    private static final class Branch<T, R> {
        private final SelectableOp<T> op;
        /** What the value must match, or null when any value does. */
        private final Predicate<? super T> pattern;
        private final Function<? super T, ? extends R> handler;
        private boolean enabled;
        /** The committed value, once {@link #outcomeDisables()} has taken it to test the pattern. */
        private T value;
        private boolean taken;

        Branch(SelectableOp<T> op, Predicate<? super T> pattern, Function<? super T, ? extends R> handler,
                boolean enabled) {
            this.op = op;
            this.pattern = pattern;
            this.handler = handler;
            this.enabled = enabled;
        }

        /** After the op committed: true when its outcome disables the branch (closed, or not matching). */
        boolean outcomeDisables() {
            if (op.isClosedOutcome()) {
                return true;
            }
            if (pattern == null) {
                return false;
            }
            value = op.result();
            taken = true;
            return !pattern.test(value);
        }

        R handle() {
            return handler.apply(taken ? value : op.result());
        }
    }
}
