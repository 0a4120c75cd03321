package dev.heddle.agent.test.jdk;

/** Correct: the waiter waits in a loop on a flag set under the monitor, so an early notify is never lost. */
public final class GuardedWait implements ConcurrencyProgram {
    private final Object signal = new Object();
    private boolean ready;
    private boolean woken;

    @Override
    public void run() throws Exception {
        Thread waiter = new Thread(() -> {
            synchronized (signal) {
                try {
                    while (!ready) {
                        signal.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                woken = true;
            }
        }, "waiter");
        Thread notifier = new Thread(() -> {
            synchronized (signal) {
                ready = true;
                signal.notifyAll();
            }
        }, "notifier");
        waiter.start();
        notifier.start();
        waiter.join();
        notifier.join();
        synchronized (signal) {
            if (!woken) {
                throw new AssertionError("the waiter ended without seeing the flag");
            }
        }
    }
}
