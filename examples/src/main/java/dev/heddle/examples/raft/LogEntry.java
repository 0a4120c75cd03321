package dev.heddle.examples.raft;

/**
 * One slot of the replicated log: a command and the term of the leader that appended it. Two
 * logs that hold an entry of the same term at the same index agree on every entry up to it
 * (Raft's log matching property), which is why the term travels with the command.
 */
public record LogEntry(long term, Command command) {}
