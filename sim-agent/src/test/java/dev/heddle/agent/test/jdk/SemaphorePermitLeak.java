package dev.heddle.agent.test.jdk;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** Bug: a request that throws skips the release, so the one permit is lost and the next acquire waits forever. */
public final class SemaphorePermitLeak implements ConcurrencyProgram {
    private final Semaphore connection = new Semaphore(1);
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private void serve(String request) throws InterruptedException {
        connection.acquire();
        if (request.isEmpty()) {
            throw new IllegalArgumentException("empty request");
        }
        served.incrementAndGet();
        connection.release();
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
        a.join();
        b.join();
        if (served.get() != 3 || refused.get() != 1) {
            throw new AssertionError("served " + served.get() + ", refused " + refused.get());
        }
    }
}
