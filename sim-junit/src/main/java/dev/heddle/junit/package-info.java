/**
 * JUnit 5 support: a {@link dev.heddle.junit.SimTest} method runs as a simulation once per
 * seed, and the first failing seed fails the test with the command that reruns it, for Maven or,
 * in a Gradle test worker, for Gradle. The system properties {@code heddle.seed},
 * {@code heddle.seeds}, {@code heddle.firstSeed} and {@code heddle.duration} override the seeds
 * (seeds are drawn one at a time); {@code heddle.seedDir} moves the file that holds the
 * running seed (default {@code target/heddle}).
 *
 * <p>Built on {@code sim}'s API, and on {@code sim.internal} for the summary of a sweep's
 * probes and faults.
 */
package dev.heddle.junit;
