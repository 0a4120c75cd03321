/**
 * The runtime API (Tokio's {@code tokio::runtime} and {@code tokio::task}):
 * {@link dev.heddle.runtime.HeddleRuntime}, built by {@link dev.heddle.runtime.RuntimeBuilder};
 * spawning, joining and aborting tasks ({@link dev.heddle.runtime.Heddle},
 * {@link dev.heddle.runtime.JoinHandle}, {@link dev.heddle.runtime.JoinSet});
 * {@link dev.heddle.runtime.TaskLocal}, {@link dev.heddle.runtime.CancellationToken} and
 * {@link dev.heddle.runtime.RuntimeMetrics}. And {@link dev.heddle.runtime.SelectableOp},
 * Heddle's {@code Future}: the one operation every blocking primitive offers, which plain
 * calls and {@code select} wait on the same way.
 *
 * <p>Built on {@code runtime.internal} (tasks, carriers, the scheduler, {@code Waiter} and
 * {@code WaitQueue}) and on {@code time}. It never names {@code sync}, {@code channel},
 * {@code select} or {@code sim}: those stand on this package, and the simulator plugs in as
 * one more carrier, through {@code runtime.internal.RuntimeAccess}.
 */
package dev.heddle.runtime;
