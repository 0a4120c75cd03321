package dev.heddle.agent.test.jdk;

/** Bug: the waiter waits with no condition to check, so a notify sent before it waits is lost and it waits forever. */
public final class LostNotify implements ConcurrencyProgram {
    private final Object signal = new Object();
    private boolean woken;

    @Override
    public void run() throws Exception {
        Thread waiter = new Thread(() -> {
            synchronized (signal) {
                try {
                    signal.wait();
                } catch (InterruptedException e) {
                    return;
                }
                woken = true;
            }
        }, "waiter");
        Thread notifier = new Thread(() -> {
            synchronized (signal) {
                signal.notify();
            }
        }, "notifier");
        waiter.start();
        notifier.start();
        waiter.join();
        notifier.join();
        synchronized (signal) {
            if (!woken) {
                throw new AssertionError("the waiter ended without being woken");
            }
        }
    }
}
