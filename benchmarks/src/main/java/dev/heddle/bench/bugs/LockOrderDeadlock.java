package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.LockHeldPolicy;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two transfers in opposite directions, each locking its source account, writing an audit
 * line (a {@link Thread#yield()}), then locking its target: each may hold one lock and wait for
 * the other's. Fixed: both lock the account with the lower number first.
 *
 * <p>The yield stands where a real thread may be preempted while it holds the first lock. The
 * program therefore turns off the check that names a lock held across a suspension, which
 * would otherwise report the yield itself in the buggy and the fixed program alike, and lets the
 * run show the deadlock.
 */
final class LockOrderDeadlock {
    static final BugProgram PROGRAM = new BugProgram("lock-order-deadlock", BugKind.DEADLOCK,
            FailureKind.DEADLOCK,
            "two transfers lock their source account, then their target: opposite transfers wait for each other",
            Set.of(), sim -> run(false), sim -> run(true),
            simulation -> simulation.onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE));

    /** The second transfer's validation, before it locks anything. */
    private static final int VALIDATION_STEPS = 2;

    private LockOrderDeadlock() {}

    /** An account with its own lock. */
    private static final class Account {
        final int number;
        final ReentrantLock lock = new ReentrantLock();
        int balance = 100;

        Account(int number) {
            this.number = number;
        }
    }

    private static void transfer(Account from, Account to, int amount, boolean fixed) {
        Account first = fixed && to.number < from.number ? to : from;
        Account second = first == from ? to : from;
        first.lock.lock();
        try {
            Thread.yield();
            second.lock.lock();
            try {
                from.balance -= amount;
                to.balance += amount;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
    }

    private static void run(boolean fixed) throws Exception {
        Account a = new Account(1);
        Account b = new Account(2);
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> aToB = threads.submit(() -> transfer(a, b, 10, fixed));
            Future<?> bToA = threads.submit(() -> {
                Work.steps(VALIDATION_STEPS);
                transfer(b, a, 20, fixed);
            });
            aToB.get();
            bToA.get();
        }
        if (a.balance + b.balance != 200) {
            throw new AssertionError("transfers changed the total from 200 to " + (a.balance + b.balance));
        }
    }
}
