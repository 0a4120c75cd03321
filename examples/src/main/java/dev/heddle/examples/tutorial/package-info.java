/**
 * The Tokio tutorial's programs on channels, shutdown, synchronisation and select, each a small
 * class written as a Tokio user would write it in Java: a worker pool on one shared receiver, a
 * lagging broadcast subscriber, configuration hot reload, graceful shutdown (with a watch and
 * select, and with a tree of cancellation tokens), a channel built on {@code Notify}, a barrier's
 * leaders, a read-through cache behind an {@code RwLock}, and a biased select loop with a
 * heartbeat. Each class's Javadoc states the outcome it guarantees, and its test asserts that
 * outcome over many seeds, on the current-thread simulation and on simulated logical workers.
 *
 * <p>The programs run on any Heddle runtime, real or simulated, so the state they share is
 * guarded as on a real multi-thread runtime.
 */
package dev.heddle.examples.tutorial;
