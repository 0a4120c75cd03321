package dev.heddle.bench.bugs;

import java.util.List;

/**
 * The small buggy concurrent programs that {@code ./heddle bench bugs-small} runs and
 * {@code BugCorpusTest} checks: each written as a user would (JDK virtual threads from
 * {@code Thread.ofVirtual().factory()} inside the simulation, which adopts them,
 * {@code ReentrantLock} and {@code Condition}, atomics, {@code Thread.yield()}, and Heddle tasks
 * where they are natural), each with a fixed twin.
 *
 * <p>Without the agent the simulator switches tasks only where one suspends: a park, a wait, a
 * yield. A {@code Thread.yield()} in a program therefore stands where a real thread may be
 * preempted, so that a plain scheduler can find the bug; {@code lost-update-plain} is the same
 * race with nothing there, which only the agent's scheduling points at field accesses can find.
 */
public final class BugCorpus {
    private BugCorpus() {}

    /** Every program, in the order the benchmark prints them. */
    public static List<BugProgram> programs() {
        return List.of(
                LostUpdateWithYield.PROGRAM,
                LostUpdatePlain.PROGRAM,
                CheckThenAct.PROGRAM,
                TwoAtomics.PROGRAM,
                IterationWhileModified.PROGRAM,
                PublicationBeforeInit.PROGRAM,
                LockOrderDeadlock.PROGRAM,
                ThreeLockDeadlock.PROGRAM,
                LostWakeUp.PROGRAM,
                SignalInsteadOfSignalAll.PROGRAM,
                IfInsteadOfWhile.PROGRAM,
                StarvedLease.PROGRAM);
    }
}
