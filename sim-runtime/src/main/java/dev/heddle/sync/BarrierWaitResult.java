package dev.heddle.sync;

/**
 * What {@link Barrier#await()} tells a task it released: whether it is its generation's
 * leader (exactly one per generation), and which generation that was (0, 1, ...).
 */
public record BarrierWaitResult(boolean isLeader, long generation) {}
