/**
 * What Heddle's own modules need of the simulator beyond its API: what a sweep of many runs
 * keeps between its runs: the summary of their probes and faults, and their PCT horizon, for
 * {@code sim-junit} (and a fuzz runner). Not API: public only so that those
 * modules can reach it, and may change in any release.
 */
package dev.heddle.sim.internal;
