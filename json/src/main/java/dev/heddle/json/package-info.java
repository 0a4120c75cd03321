/**
 * Heddle's one JSON codec, for the files Heddle writes and reads back: histories as JSON lines
 * ({@code dev.heddle.check.io}), trace files ({@code dev.heddle.sim.timeline}) and the fuzz
 * runner's {@code summary.json}. {@link dev.heddle.json.JsonParser} reads a value into plain
 * Java data; {@link dev.heddle.json.JsonWriter} writes strings and values back.
 *
 * <p>Not a general JSON library, and not API: Heddle is a test dependency, so it carries no JSON
 * library into its users' builds, and this package holds only what its own formats need. It is
 * public for Heddle's own modules and may change in any release. It is a module of its own
 * because {@code sim-runtime}, which production code depends on, writes and reads traces: there it
 * comes without the checkers, and the checkers without the runtime.
 */
package dev.heddle.json;
