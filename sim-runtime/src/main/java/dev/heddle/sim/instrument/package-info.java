/**
 * What bytecode instrumented by Heddle's Java agent ({@code dev.heddle:sim-agent}) calls. Not
 * for users: the agent inserts these calls into the classes of the packages it is told to
 * instrument, and the simulator answers them. Public only because instrumented classes, in any
 * package, must be able to call them; the names and descriptors are the contract between the
 * agent and this module and change only together.
 *
 * <ul>
 *   <li>{@code SchedulingPoints} (the agent's): a point before each shared-memory
 *       access, atomic or lock call, around monitors, and on loop back-edges, where a simulation
 *       with {@code schedulingPoints(true)} may switch to another task.</li>
 *   <li>{@link dev.heddle.sim.instrument.JdkCalls}: replacements for JDK calls whose simulated
 *       behaviour differs (waits that may wake spuriously, parks, yields); outside a
 *       simulation each is exactly the JDK's call.</li>
 *   <li>{@link dev.heddle.sim.instrument.ThreadCalls}, {@link dev.heddle.sim.instrument.ExecutorCalls},
 *       {@link dev.heddle.sim.instrument.CompletableFutureCalls},
 *       {@link dev.heddle.sim.instrument.CommonPoolCalls}: replacements for the calls that start
 *       and ask platform threads, make thread pools and run async work: in a simulated task a
 *       platform thread's work runs as a task of the run; outside a simulation each is exactly
 *       the JDK's call.</li>
 *   <li>{@link dev.heddle.sim.instrument.TimeAndRandomCalls}: replacements for reads of real time
 *       and unseeded randomness: in a simulated task the host's virtual clock and the run's
 *       seeded stream; outside a simulation the JDK's call.</li>
 *   <li>{@link dev.heddle.sim.instrument.SimulatedJdkCalls}: the calling thread's simulation as
 *       {@code JdkCalls} sees it; handed out by the simulator.</li>
 *   <li>{@code InstrumentedRun} (the agent's): a running simulation as the points
 *       see it; implemented by the simulator.</li>
 * </ul>
 */
package dev.heddle.sim.instrument;
