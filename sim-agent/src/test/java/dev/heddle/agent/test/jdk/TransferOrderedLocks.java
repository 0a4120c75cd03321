package dev.heddle.agent.test.jdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Correct: a transfer locks the account of lower id first, each lock taken with a 5 s tryLock. */
public final class TransferOrderedLocks implements ConcurrencyProgram {
    /** An account whose balance its lock guards. */
    private static final class Account {
        final int id;
        final ReentrantLock lock = new ReentrantLock();
        int balance = 100;

        Account(int id) {
            this.id = id;
        }
    }

    private static void transfer(Account from, Account to, int amount) throws InterruptedException {
        Account first = from.id < to.id ? from : to;
        Account second = first == from ? to : from;
        if (!first.lock.tryLock(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("account " + first.id + " stayed locked for 5 s");
        }
        try {
            if (!second.lock.tryLock(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("account " + second.id + " stayed locked for 5 s");
            }
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

    @Override
    public void run() throws Exception {
        Account alice = new Account(1);
        Account bob = new Account(2);
        Throwable[] failed = new Throwable[2];
        Thread pay = new Thread(() -> {
            try {
                transfer(alice, bob, 10);
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "alice-to-bob");
        Thread refund = new Thread(() -> {
            try {
                transfer(bob, alice, 5);
            } catch (Throwable e) {
                failed[1] = e;
            }
        }, "bob-to-alice");
        pay.start();
        refund.start();
        pay.join(10_000);
        refund.join(10_000);
        if (failed[0] != null || failed[1] != null || alice.balance != 95 || bob.balance != 105) {
            throw new AssertionError("balances " + alice.balance + " and " + bob.balance + ", failures "
                    + failed[0] + ", " + failed[1]);
        }
    }
}
