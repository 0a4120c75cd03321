package dev.heddle.agent.test.jdk;

/** Bug: take() waits under if (empty), not while: a spurious wake-up returns from an empty box. */
public final class WaitWithoutLoop implements ConcurrencyProgram {
    private String parcel;
    private String received;

    private synchronized void put(String p) {
        parcel = p;
        notifyAll();
    }

    private synchronized String take() throws InterruptedException {
        if (parcel == null) {
            wait();
        }
        return parcel;
    }

    @Override
    public void run() throws Exception {
        Thread taker = new Thread(() -> {
            try {
                received = take();
            } catch (InterruptedException e) {
                received = "interrupted";
            }
        }, "taker");
        Thread putter = new Thread(() -> put("parcel"), "putter");
        taker.start();
        putter.start();
        taker.join();
        putter.join();
        if (!"parcel".equals(received)) {
            throw new AssertionError("the taker received " + received + " instead of the parcel");
        }
    }
}
