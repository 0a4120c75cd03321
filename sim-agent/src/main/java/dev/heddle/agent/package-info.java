/**
 * Heddle's Java agent: inserts scheduling points into the classes of the packages it is told
 * to instrument, so that a simulation with {@code schedulingPoints(true)} can switch tasks
 * between a plain read and a write, around monitors and atomics, and inside loops that never
 * suspend. Start the JVM with
 * <pre>{@code -javaagent:sim-agent.jar=com.example,org.example.cache}</pre>
 * (the packages, with their subpackages, comma-separated), or with no packages and let
 * {@code @SimTest(instrument = "com.example")} add them. The JDK and Heddle's own libraries are
 * never instrumented. The agent's jar carries its own copy of ASM, relocated under
 * {@code dev.heddle.agent.internal.asm}, so it never clashes with a user's ASM.
 *
 * <p>In the same classes, reads of real time and unseeded randomness
 * ({@code System.currentTimeMillis}/{@code nanoTime}, {@code Instant.now()},
 * {@code LocalDateTime.now()}, {@code Clock.systemUTC()}/{@code systemDefaultZone()},
 * {@code new Random()}, {@code Math.random}, {@code UUID.randomUUID()} and the draws on
 * {@code ThreadLocalRandom.current()}) read the virtual clock of the task's host and the run's
 * seeded stream when made from a simulated task ({@code TimeAndRandomSites}),
 * with or without scheduling points on: whenever the agent is loaded.
 *
 * <p>What each point calls is in {@code dev.heddle.sim.instrument} (module sim-runtime), which
 * the instrumented classes must be able to load: put sim-runtime (or sim-junit) on the test
 * class path, as any Heddle test does.
 */
package dev.heddle.agent;
