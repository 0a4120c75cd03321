package dev.heddle.agent;

import dev.heddle.agent.test.jdk.BarrierPartyMismatch;
import dev.heddle.agent.test.jdk.BarrierWithEveryParty;
import dev.heddle.agent.test.jdk.CheckThenActRegistry;
import dev.heddle.agent.test.jdk.ConcurrencyProgram;
import dev.heddle.agent.test.jdk.ConditionAwaitNanosLoop;
import dev.heddle.agent.test.jdk.ConditionCheckedOutsideLock;
import dev.heddle.agent.test.jdk.DoubleCheckedLazyInit;
import dev.heddle.agent.test.jdk.GuardedWait;
import dev.heddle.agent.test.jdk.InterruptStopsWorker;
import dev.heddle.agent.test.jdk.LatchCountedDownInFinally;
import dev.heddle.agent.test.jdk.LatchNeverCountedDown;
import dev.heddle.agent.test.jdk.LostNotify;
import dev.heddle.agent.test.jdk.LostUpdateCounter;
import dev.heddle.agent.test.jdk.MonitorOrderConsistent;
import dev.heddle.agent.test.jdk.MonitorOrderDeadlock;
import dev.heddle.agent.test.jdk.NotifyAllBoundedBuffer;
import dev.heddle.agent.test.jdk.NotifyInsteadOfNotifyAll;
import dev.heddle.agent.test.jdk.PoisonPillConsumer;
import dev.heddle.agent.test.jdk.PollTimeoutAsEndOfStream;
import dev.heddle.agent.test.jdk.ProducerConsumerIf;
import dev.heddle.agent.test.jdk.ProducerConsumerWhile;
import dev.heddle.agent.test.jdk.PutIfAbsentRegistry;
import dev.heddle.agent.test.jdk.ReadThenWriteRechecked;
import dev.heddle.agent.test.jdk.ReadToWriteUpgrade;
import dev.heddle.agent.test.jdk.ResultReadAfterJoin;
import dev.heddle.agent.test.jdk.ResultReadWithoutJoin;
import dev.heddle.agent.test.jdk.SemaphorePermitLeak;
import dev.heddle.agent.test.jdk.SemaphoreReleasedInFinally;
import dev.heddle.agent.test.jdk.ShutdownAndAwaitTermination;
import dev.heddle.agent.test.jdk.ShutdownWithoutAwait;
import dev.heddle.agent.test.jdk.SingleThreadPoolChained;
import dev.heddle.agent.test.jdk.SingleThreadPoolDeadlock;
import dev.heddle.agent.test.jdk.SwallowedInterrupt;
import dev.heddle.agent.test.jdk.SynchronizedCounter;
import dev.heddle.agent.test.jdk.SynchronizedIteration;
import dev.heddle.agent.test.jdk.TimedGuardedWait;
import dev.heddle.agent.test.jdk.TransferLockOrderDeadlock;
import dev.heddle.agent.test.jdk.TransferOrderedLocks;
import dev.heddle.agent.test.jdk.UnsafeLazyInit;
import dev.heddle.agent.test.jdk.UnsynchronizedIteration;
import dev.heddle.agent.test.jdk.WaitWithoutLoop;
import dev.heddle.sim.FailureKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One program of the JDK concurrency suite ({@code dev.heddle.agent.test.jdk}) and what a
 * simulation must make of it: the kind of failure its bug shows as, or none for a correct one.
 *
 * @param name    the program's class name
 * @param program a new instance of the program, for one run
 * @param bug     how a run that shows the bug fails; empty for a correct program, which must never fail
 */
record SuiteProgram(String name, Supplier<ConcurrencyProgram> program, Optional<FailureKind> bug) {

    /** Every program of the suite, each buggy one followed by its correct twin. */
    static List<SuiteProgram> all() {
        return List.of(
                buggy(MonitorOrderDeadlock::new, FailureKind.DEADLOCK), correct(MonitorOrderConsistent::new),
                buggy(LostNotify::new, FailureKind.DEADLOCK), correct(GuardedWait::new),
                buggy(WaitWithoutLoop::new, FailureKind.TASK_FAILED), correct(TimedGuardedWait::new),
                buggy(LatchNeverCountedDown::new, FailureKind.DEADLOCK), correct(LatchCountedDownInFinally::new),
                buggy(SingleThreadPoolDeadlock::new, FailureKind.DEADLOCK), correct(SingleThreadPoolChained::new),
                buggy(ReadToWriteUpgrade::new, FailureKind.DEADLOCK), correct(ReadThenWriteRechecked::new),
                buggy(CheckThenActRegistry::new, FailureKind.TASK_FAILED), correct(PutIfAbsentRegistry::new),
                buggy(LostUpdateCounter::new, FailureKind.TASK_FAILED), correct(SynchronizedCounter::new),
                buggy(UnsafeLazyInit::new, FailureKind.TASK_FAILED), correct(DoubleCheckedLazyInit::new),
                buggy(ProducerConsumerIf::new, FailureKind.TASK_FAILED), correct(ProducerConsumerWhile::new),
                buggy(SwallowedInterrupt::new, FailureKind.DEADLOCK), correct(InterruptStopsWorker::new),
                buggy(NotifyInsteadOfNotifyAll::new, FailureKind.DEADLOCK), correct(NotifyAllBoundedBuffer::new),
                buggy(TransferLockOrderDeadlock::new, FailureKind.DEADLOCK), correct(TransferOrderedLocks::new),
                buggy(ShutdownWithoutAwait::new, FailureKind.TASK_FAILED), correct(ShutdownAndAwaitTermination::new),
                buggy(SemaphorePermitLeak::new, FailureKind.DEADLOCK), correct(SemaphoreReleasedInFinally::new),
                buggy(PollTimeoutAsEndOfStream::new, FailureKind.TASK_FAILED), correct(PoisonPillConsumer::new),
                buggy(UnsynchronizedIteration::new, FailureKind.TASK_FAILED), correct(SynchronizedIteration::new),
                buggy(ResultReadWithoutJoin::new, FailureKind.TASK_FAILED), correct(ResultReadAfterJoin::new),
                buggy(BarrierPartyMismatch::new, FailureKind.DEADLOCK), correct(BarrierWithEveryParty::new),
                buggy(ConditionCheckedOutsideLock::new, FailureKind.DEADLOCK), correct(ConditionAwaitNanosLoop::new));
    }

    private static SuiteProgram buggy(Supplier<ConcurrencyProgram> program, FailureKind bug) {
        return new SuiteProgram(program.get().getClass().getSimpleName(), program, Optional.of(bug));
    }

    private static SuiteProgram correct(Supplier<ConcurrencyProgram> program) {
        return new SuiteProgram(program.get().getClass().getSimpleName(), program, Optional.empty());
    }

    @Override
    public String toString() {
        return name;
    }
}
