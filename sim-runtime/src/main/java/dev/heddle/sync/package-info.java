/**
 * Synchronization for Heddle tasks, after Tokio's {@code tokio::sync}: {@link dev.heddle.sync.Mutex},
 * {@link dev.heddle.sync.RwLock}, {@link dev.heddle.sync.Semaphore}, {@link dev.heddle.sync.Notify},
 * {@link dev.heddle.sync.Barrier} and {@link dev.heddle.sync.OnceCell}.
 *
 * <p>Every wait is a suspension point: it parks through {@code Suspension.park}, so the
 * simulator schedules it and {@code JoinHandle.abort()} or a timeout interrupts it. An
 * interrupted wait takes nothing (no lock, no permit, no notification), because each wait is
 * a {@link dev.heddle.runtime.SelectableOp} committed only after its waiter is claimed under the
 * primitive's own lock; the same ops ({@code lockOp()}, {@code acquireOp(n)},
 * {@code notifiedOp()}, {@code readOp()}, {@code writeOp()}) are what select offers. Waiters are
 * served in arrival order. The same code runs on the real runtimes, in simulation, and on plain
 * platform threads.
 */
package dev.heddle.sync;
