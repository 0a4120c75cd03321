/**
 * Deterministic simulation: {@link dev.heddle.sim.Simulation} runs a body with every task on
 * one carrier thread, in an order and with random numbers drawn from a seed, on virtual time;
 * a failing run is a {@link dev.heddle.sim.SimulationFailure} whose message replays its seed.
 * {@link dev.heddle.sim.Sim} is what the body sees, including its probes ({@code always},
 * {@code sometimes}, {@code reachable}) and the simulated {@link dev.heddle.sim.Host}s it
 * starts: machines with their own name, address and {@link dev.heddle.sim.HostClock}, which it
 * crashes, restarts, pauses and resumes, each keeping a {@link dev.heddle.sim.DurableStore}.
 * Code under test may carry {@link dev.heddle.sim.Buggify} points, fault points that fire only
 * in simulation; in swarm mode each seed's {@link dev.heddle.sim.SwarmProfile} says which
 * fault kinds are on. What the faults did is in each run's result, as {@link dev.heddle.sim.FaultRecord}s.
 * Every run records its decisions; a failed run's {@link dev.heddle.sim.DecisionLog} replays it
 * ({@code Simulation.replay}), also after the code changed, and
 * {@link dev.heddle.sim.DecisionLogShrinker} shrinks it to a smaller log that fails the same way.
 *
 * <p>Plugs in as a carrier only: the package-private {@code Simulator} is a
 * {@code runtime.internal.Carrier} and builds its runtime through {@code RuntimeAccess}; the
 * primitives ({@code runtime}, {@code sync}, {@code channel}, {@code select}) never name this
 * package and run unchanged, on the same park and unpark. To them a host is one more
 * {@code runtime.internal.Node}: a task's name and clock come from its node, which the runtime
 * hands down at spawn, so code on a host reads the host's clock unawares. To replay the
 * multi-thread runtime it drives the real scheduler's {@code WorkerCore} ({@code LogicalWorkers}).
 *
 * <p>Modules built on it (the simulated network) find the calling task's run through
 * {@link dev.heddle.sim.SimContext}, keep their state there as an extension, draw from its own
 * seeded stream, and trace what they do as {@link dev.heddle.sim.NetworkEvent}s; this package
 * never names them.
 */
package dev.heddle.sim;
