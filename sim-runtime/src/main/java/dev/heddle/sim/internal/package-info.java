/**
 * What Heddle's own modules need of the simulator beyond its API: today the summary of the
 * probes and faults of a sweep of many runs, for {@code sim-junit}. Not API: public only so that those
 * modules can reach it, and may change in any release.
 */
package dev.heddle.sim.internal;
