package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two withdrawals of 80 from an account of 100: each checks the balance, runs a fraud check
 * (a {@link Thread#yield()}) and then subtracts, so both may pass the check and overdraw the
 * account although every single update is atomic. Fixed: the check and the subtraction are one
 * compare-and-set.
 */
final class CheckThenAct {
    static final BugProgram PROGRAM = new BugProgram("check-then-act", BugKind.ATOMICITY_VIOLATION,
            FailureKind.TASK_FAILED,
            "two withdrawals check the balance, yield, then subtract: both pass the check and overdraw the account",
            Set.of(), sim -> run(false), sim -> run(true));

    private static final int OPENING_BALANCE = 100;
    private static final int WITHDRAWAL = 80;
    /** The second customer's log-in, before the withdrawal. */
    private static final int AUTHENTICATION_STEPS = 2;

    private CheckThenAct() {}

    /** An account whose balance is an atomic integer. */
    private static final class Account {
        final AtomicInteger balance = new AtomicInteger(OPENING_BALANCE);

        boolean withdraw(int amount, boolean fixed) {
            if (fixed) {
                Thread.yield();
                int current;
                do {
                    current = balance.get();
                    if (current < amount) {
                        return false;
                    }
                } while (!balance.compareAndSet(current, current - amount));
                return true;
            }
            if (balance.get() < amount) {
                return false;
            }
            Thread.yield();
            balance.addAndGet(-amount);
            return true;
        }
    }

    private static void run(boolean fixed) throws Exception {
        Account account = new Account();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<Boolean> first = threads.submit(() -> account.withdraw(WITHDRAWAL, fixed));
            Future<Boolean> second = threads.submit(() -> {
                Work.steps(AUTHENTICATION_STEPS);
                return account.withdraw(WITHDRAWAL, fixed);
            });
            first.get();
            second.get();
        }
        if (account.balance.get() < 0) {
            throw new AssertionError("the account of " + OPENING_BALANCE + " is overdrawn to "
                    + account.balance.get() + " by two withdrawals of " + WITHDRAWAL);
        }
    }
}
