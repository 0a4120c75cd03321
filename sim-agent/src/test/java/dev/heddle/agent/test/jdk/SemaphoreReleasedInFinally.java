package dev.heddle.agent.test.jdk;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Correct: the permit is taken by a 5 s tryAcquire and released in a finally, so a failed request keeps none. */
public final class SemaphoreReleasedInFinally implements ConcurrencyProgram {
    private final Semaphore connection = new Semaphore(1);
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger inUse = new AtomicInteger();
    private volatile boolean shared;

    private void serve(String request) throws InterruptedException {
        if (!connection.tryAcquire(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection within 5 s");
        }
        try {
            if (inUse.incrementAndGet() > 1) {
                shared = true;
            }
            if (request.isEmpty()) {
                throw new IllegalArgumentException("empty request");
            }
            served.incrementAndGet();
        } finally {
            inUse.decrementAndGet();
            connection.release();
        }
    }

    private Thread client(String name, List<String> requests) {
        return new Thread(() -> {
            for (String r : requests) {
                try {
                    serve(r);
                } catch (IllegalArgumentException e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
    }

    @Override
    public void run() throws Exception {
        Thread a = client("client-a", List.of("get", ""));
        Thread b = client("client-b", List.of("put", "get"));
        a.start();
        b.start();
        a.join(15_000);
        b.join(15_000);
        if (served.get() != 3 || refused.get() != 1 || shared) {
            throw new AssertionError("served " + served.get() + ", refused " + refused.get() + ", shared " + shared);
        }
    }
}
