/**
 * The production multi-thread scheduler, after Tokio's {@code runtime/scheduler/multi_thread}:
 * {@link dev.heddle.runtime.internal.scheduler.WorkStealingScheduler} carries virtual threads
 * on worker threads, each with a {@link dev.heddle.runtime.internal.scheduler.WorkerCore} (its
 * LIFO slot, a bounded {@code LocalQueue} that thieves steal half of, the shared
 * {@code InjectionQueue}), and {@code IdleWorkers} decides which workers sleep and which
 * search.
 *
 * <p>Not API, like all of {@code runtime.internal}: the public types are for
 * {@code WorkerPoolCarrier} and {@code HeddleRuntime} (metrics), and for the simulator, which
 * drives the real {@code WorkerCore} one step at a time ({@code sim.LogicalWorkers}) as loom
 * runs Tokio's real queue. Depends on nothing of Heddle but the JDK and JCTools. Its lock-free
 * code names its memory orders as the package doc of {@code runtime.internal} defines.
 */
package dev.heddle.runtime.internal.scheduler;
