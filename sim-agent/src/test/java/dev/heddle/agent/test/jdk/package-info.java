/**
 * A suite of small JDK concurrency programs, written as a Java developer writes them without
 * knowing Heddle: platform threads ({@code new Thread}, {@code join}), {@code synchronized},
 * {@code Object.wait/notify}, {@code java.util.concurrent} locks, latches, semaphores, queues and
 * thread pools, timed waits and {@code Thread.sleep}. Half have a bug (named in the first line
 * of the class's Javadoc), half are the same patterns done right. Each is a
 * {@link dev.heddle.agent.test.jdk.ConcurrencyProgram} whose {@code run()} throws when its
 * invariant breaks; the agent's ITs run them unmodified in simulations, instrumented as part of
 * {@code dev.heddle.agent.test}. No program keeps static state: every run starts afresh.
 */
package dev.heddle.agent.test.jdk;
