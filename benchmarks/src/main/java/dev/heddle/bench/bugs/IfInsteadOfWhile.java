package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-slot mailbox whose {@code take} waits under {@code if (empty)} instead of
 * {@code while (empty)}: with one postman and one reader every signal means a letter, so the
 * bug shows only when {@link Condition#await()} returns without a signal, as the JDK allows:
 * the reader then takes nothing, and the letter arrives after it left. Fixed: the wait is in a
 * {@code while} loop.
 *
 * <p>A spurious wake-up reaches {@code await} in user code through the agent's rewrite of the
 * call, so the program needs both.
 */
final class IfInsteadOfWhile {
    static final BugProgram PROGRAM = new BugProgram("if-instead-of-while", BugKind.UNCHECKED_WAKE_UP,
            FailureKind.TASK_FAILED,
            "take() waits under if (empty) instead of while (empty): a spurious wake-up takes from an empty slot",
            Set.of(Feature.AGENT, Feature.SPURIOUS_WAKE_UPS), sim -> run(false), sim -> run(true));

    private static final String LETTER = "letter";

    private IfInsteadOfWhile() {}

    /** A mailbox of one slot. */
    private static final class Mailbox {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        String letter;

        void put(String text) throws InterruptedException {
            lock.lock();
            try {
                while (letter != null) {
                    changed.await();
                }
                letter = text;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        String take(boolean fixed) throws InterruptedException {
            lock.lock();
            try {
                if (fixed) {
                    while (letter == null) {
                        changed.await();
                    }
                } else if (letter == null) {
                    changed.await();
                }
                String taken = letter;
                letter = null;
                changed.signalAll();
                return taken;
            } finally {
                lock.unlock();
            }
        }
    }

    private static void run(boolean fixed) throws Exception {
        Mailbox mailbox = new Mailbox();
        String received;
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> postman = threads.submit(() -> {
                mailbox.put(LETTER);
                return null;
            });
            Future<String> reader = threads.submit(() -> mailbox.take(fixed));
            postman.get();
            received = reader.get();
        }
        if (!LETTER.equals(received)) {
            throw new AssertionError("the reader received " + received + " instead of '" + LETTER
                    + "': take() returned with the slot empty");
        }
    }
}
