/**
 * What Heddle's fuzz runner needs of the {@link dev.heddle.junit.SimTest} extension beyond its
 * annotation: a seam through which a sweep in a fuzz fork reports its seeds, and what both word
 * alike (rerun commands, rerun properties, the duration syntax). Not API: public only
 * so that {@code dev.heddle.junit.fuzz} can reach it, and may change in any release.
 */
package dev.heddle.junit.internal;
