package dev.heddle.runtime.internal;

/**
 * The machine a task runs on, as code on it sees it: a name and a clock. Every task has one,
 * inherited from the task that spawned it, so that code reads its own machine's name and
 * clock ({@code Heddle.hostName()}, {@code Heddle.now()}) without being told which machine it
 * is on. On a real runtime that is this machine ({@link LocalMachine}), on the runtime's own
 * clock; the simulator gives each simulated host a node of its own, whose clock is offset from
 * true time and drifts.
 *
 * <p>Timers stay on the carrier's {@link dev.heddle.time.TimeDriver}, shared by every node: a
 * node maps the driver's time to its own clock and back ({@link RuntimeClock} does both), so
 * that a sleep on a host whose clock runs fast ends earlier on the driver. The defaults are
 * the driver's time itself, a clock that neither is offset nor drifts.
 */
public interface Node {

    /** The name code on this node sees as its host name. */
    String name();

    /** What this node's clock reads, in nanoseconds, when the driver reads {@code driverTime}; increasing. */
    default long localTime(long driverTime) {
        return driverTime;
    }

    /**
     * The earliest driver time at which this node's clock reads {@code localTime} or later,
     * saturating at {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE}: where a timer for a
     * deadline on this node's clock goes.
     */
    default long driverTime(long localTime) {
        return localTime;
    }
}
