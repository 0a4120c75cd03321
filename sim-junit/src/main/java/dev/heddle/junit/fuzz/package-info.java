/**
 * The fuzz runner: {@link dev.heddle.junit.fuzz.FuzzCommand} runs {@link dev.heddle.junit.SimTest}
 * methods over many seeds in forked JVMs ({@code FuzzFork}), records the seeds whose fork crashed
 * or hung, shards the seeds for CI matrices, and writes {@code summary.json}, {@code junit.xml}
 * and a folder per failing seed ({@code FailureFolder}). The coordinator and its forks speak
 * {@code ForkMessage} lines; a fork's sweeps report their seeds through
 * {@link dev.heddle.junit.internal.SweepObserver}.
 */
package dev.heddle.junit.fuzz;
