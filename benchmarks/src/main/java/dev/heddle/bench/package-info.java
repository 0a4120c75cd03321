/**
 * {@code ./heddle bench NAME}: Heddle's parts measured against a baseline in the same run (the
 * JDK's hand-offs and locks, its virtual-thread scheduler, Porcupine's algorithm, a simulation
 * with the agent's scheduling points off), each printing {@code key=value} lines with its
 * headline ratio last.
 *
 * <p>May use Heddle's internal packages, to measure a part on its own
 * ({@code RuntimeAccess}, {@code Suspension}, {@code VirtualThreads}); nothing depends on it.
 */
package dev.heddle.bench;
