package dev.heddle.agent.test.jdk;

/**
 * One program of the suite: {@link #run()} does its whole job on the calling thread and the
 * threads it starts, and throws (an {@link AssertionError}, or the exception a thread met) when
 * the program's invariant breaks; a program that hangs never returns.
 */
@FunctionalInterface
public interface ConcurrencyProgram {
    void run() throws Exception;
}
