/**
 * What bytecode instrumented by Heddle's agent calls: not for users. {@link
 * dev.heddle.sim.instrument.JdkCalls} stands in for JDK calls the agent rewrites (waits, park,
 * yield, thread start), and finds the calling thread's simulation through {@link
 * dev.heddle.sim.instrument.SimulatedJdkCalls}; outside a simulation each call is exactly the
 * JDK's.
 */
package dev.heddle.sim.instrument;
