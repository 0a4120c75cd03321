/**
 * Example programs written as a user would write them: Tokio tutorial patterns on Heddle's
 * API, and planted bugs that the simulator finds ({@code RacyCounter},
 * {@code StaleReadCache}). {@code ExamplePrograms} holds them as simulation bodies, which the
 * demo ({@code ./heddle demo}) and the tests both run. The tutorial's programs on channels,
 * shutdown, synchronisation and select are in {@code dev.heddle.examples.tutorial}.
 *
 * <p>API only: no internal package ({@code ArchitectureTest}, which also checks the layering
 * of the whole library, lives in this module's tests).
 */
package dev.heddle.examples;
