package dev.heddle.sim;

import dev.heddle.time.TimeDriver;
import dev.heddle.time.Timer;
import java.util.concurrent.Delayed;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler the JDK sees for a simulation's virtual threads: a {@link ForkJoinPool} only in
 * type. JDK 25's {@code VirtualThread} hands the timeout of every timed park and timed
 * {@code Object.wait} ({@code LockSupport.parkNanos}, and through it {@code Thread.sleep} and
 * the {@code java.util.concurrent} timed waits) to its scheduler's
 * {@link #schedule(Runnable, long, TimeUnit)} when the scheduler is a {@code ForkJoinPool}, and
 * to its own "VirtualThread-unparker" threads, in real time, otherwise. Here it becomes a timer
 * of the run's virtual clock, ordered with every other timer (ties by insertion), that the
 * simulator fires on its own thread when time reaches it; the JDK cancels it when the thread is
 * woken first. Everything else goes to the simulator exactly as when it was the executor itself:
 * {@link #execute} is its {@code execute}, for one logical worker or any.
 *
 * <p>The pool never starts a thread: the JDK calls only {@code execute} and {@code schedule} on
 * a custom scheduler (its {@code lazySubmit}/{@code externalSubmit} paths are for its own
 * carrier threads), and nothing else holds this object.
 */
final class VirtualThreadScheduler extends ForkJoinPool {
    private final Simulator simulator;
    /** The logical worker whose pinned threads this carries, or -1 for any thread. */
    private final int worker;

    VirtualThreadScheduler(Simulator simulator, int worker) {
        super(1);
        this.simulator = simulator;
        this.worker = worker;
    }

    @Override
    public void execute(Runnable continuation) {
        simulator.submitted(continuation, worker);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable wake, long delay, TimeUnit unit) {
        return simulator.parkTimers().schedule(wake, unit.toNanos(delay));
    }

    /**
     * A timed wake-up on virtual time, as the JDK holds it: to cancel when the thread is woken
     * first, and to ask how far off it is. Made and cancelled on the simulator's thread only.
     */
    static final class VirtualTimeout implements ScheduledFuture<Void> {
        private final Runnable wake;
        private final long deadline;
        private final JdkParkTimers timers;
        private Timer timer;
        private boolean fired;
        private boolean cancelled;

        VirtualTimeout(Runnable wake, long deadline, JdkParkTimers timers) {
            this.wake = wake;
            this.deadline = deadline;
            this.timers = timers;
        }

        /**
         * Puts the wake-up on {@code time}'s timers; once, before the JDK sees this. A timeout never
         * scheduled never fires (a task whose waits the run reported as outside it).
         */
        void scheduleOn(TimeDriver time) {
            timer = time.schedule(deadline, this::fire);
            timers.pending(+1);
        }

        private void fire() {
            fired = true;
            timers.pending(-1);
            wake.run();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(deadline - timers.now(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        /** Removes the timer, as the JDK asks when the thread it would wake ran first. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean removed = !fired && !cancelled && timer != null && timer.cancel();
            if (removed) {
                cancelled = true;
                timers.pending(-1);
            }
            return removed;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || fired;
        }

        /** Never called by the JDK, which only cancels; a wake-up has no result to wait for. */
        @Override
        public Void get() {
            throw new UnsupportedOperationException("a simulated timed wake-up has no result to wait for");
        }

        @Override
        public Void get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("a simulated timed wake-up has no result to wait for");
        }
    }
}
