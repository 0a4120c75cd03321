/**
 * Trace files and their timeline: the {@link dev.heddle.sim.timeline.TraceFormat} a run writes
 * when asked ({@code Simulation.recordTrace}), {@link dev.heddle.sim.timeline.TraceFile} that
 * reads and checks one, {@link dev.heddle.sim.timeline.TraceTimeline} that draws it as one
 * self-contained HTML page, and {@link dev.heddle.sim.timeline.TraceCommand}, the main of
 * {@code ./heddle trace}. Nothing here runs a simulation: the package reads files, so a fuzz
 * runner or a CI step can draw the traces of failed seeds anywhere.
 */
package dev.heddle.sim.timeline;
