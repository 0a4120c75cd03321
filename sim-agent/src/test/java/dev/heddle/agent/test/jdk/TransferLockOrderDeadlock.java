package dev.heddle.agent.test.jdk;

import java.util.concurrent.locks.ReentrantLock;

/** Bug: a transfer locks its source account, then its target, so two opposite transfers may wait for each other. */
public final class TransferLockOrderDeadlock implements ConcurrencyProgram {
    /** An account whose balance its lock guards. */
    private static final class Account {
        final ReentrantLock lock = new ReentrantLock();
        int balance = 100;
    }

    private static void transfer(Account from, Account to, int amount) {
        from.lock.lock();
        try {
            to.lock.lock();
            try {
                from.balance -= amount;
                to.balance += amount;
            } finally {
                to.lock.unlock();
            }
        } finally {
            from.lock.unlock();
        }
    }

    @Override
    public void run() throws Exception {
        Account alice = new Account();
        Account bob = new Account();
        Thread pay = new Thread(() -> transfer(alice, bob, 10), "alice-to-bob");
        Thread refund = new Thread(() -> transfer(bob, alice, 5), "bob-to-alice");
        pay.start();
        refund.start();
        pay.join();
        refund.join();
        if (alice.balance + bob.balance != 200) {
            throw new AssertionError("200 expected in total, was " + (alice.balance + bob.balance));
        }
    }
}
