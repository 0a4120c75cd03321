/**
 * Synchronization for Heddle tasks, after Tokio's {@code tokio::sync}: {@link dev.heddle.sync.Mutex},
 * {@link dev.heddle.sync.RwLock}, {@link dev.heddle.sync.Semaphore}, {@link dev.heddle.sync.Notify},
 * {@link dev.heddle.sync.Barrier}, {@link dev.heddle.sync.OnceCell} and {@link dev.heddle.sync.SetOnce}.
 *
 * <p>Every wait is a suspension point: it parks through {@code Suspension.park}, so the
 * simulator schedules it and {@code JoinHandle.abort()} or a timeout interrupts it. An
 * interrupted wait takes nothing (no lock, no permit, no notification), because each wait is
 * a {@link dev.heddle.runtime.SelectableOp} committed only after its waiter is claimed under the
 * primitive's own lock; the same ops ({@code lockOp()}, {@code acquireOp(n)},
 * {@code notifiedOp()}, {@code readOp()}, {@code writeOp()}, {@code awaitOp()}) are what select offers. Waiters are
 * served in arrival order. The same code runs on the real runtimes, in simulation, and on plain
 * platform threads.
 *
 * <p>Built on the op layer in {@code runtime} and {@code runtime.internal} ({@code SelectableOp},
 * {@code Waiter}, the intrusive {@code WaitQueue} each primitive queues its ops in), as the
 * channels are. It names no {@code channel}, {@code select} or {@code sim} class; select
 * reaches these primitives only through their ops. {@code Mutex}'s lock-free paths name their
 * memory orders as the package doc of {@code runtime.internal} defines.
 */
package dev.heddle.sync;
