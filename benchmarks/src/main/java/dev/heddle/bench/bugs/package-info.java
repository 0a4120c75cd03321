/**
 * The corpus of small buggy concurrent programs behind {@code ./heddle bench bugs-small}, and
 * the seeds-to-first-failure harness that runs it: {@link dev.heddle.bench.bugs.BugCorpus} lists
 * the programs (one class each, with its fixed twin), {@link dev.heddle.bench.bugs.Configuration}
 * the ways of running them, {@link dev.heddle.bench.bugs.SeedSweep} runs one program's seeds
 * under one configuration and says what it found ({@link dev.heddle.bench.bugs.Finding}).
 */
package dev.heddle.bench.bugs;
