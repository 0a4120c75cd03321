/**
 * Time as Heddle's tasks see it, real or virtual. {@link dev.heddle.time.Clock} (sleep,
 * {@link dev.heddle.time.Sleep} objects, timeout, interval) is the API a task uses; a
 * {@link dev.heddle.time.TimeDriver} moves time
 * and fires {@link dev.heddle.time.Timer}s: {@link dev.heddle.time.SystemTimeDriver} on a
 * timer thread in production, {@link dev.heddle.time.VirtualTimeDriver} when the simulator
 * moves it. Both keep their timers in one package-private {@code TimerWheel}, so timers fire
 * in the same order in simulation and in production.
 *
 * <p>The bottom of Heddle: it depends on no other Heddle package. The runtime implements
 * {@code Clock} on a driver ({@code runtime.internal.RuntimeClock}); the simulator owns a
 * {@code VirtualTimeDriver} and advances it.
 */
package dev.heddle.time;
