package dev.heddle.agent.test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A client written the way production code is, with nothing of Heddle: it sends a request (a
 * latch the server counts down to reply), waits up to five seconds for the reply with
 * {@code CountDownLatch.await(5, SECONDS)}, and on a timeout backs off with {@code Thread.sleep},
 * doubling from one second up to a minute.
 */
public final class RetryingClient {
    private static final long FIRST_BACKOFF_MILLIS = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private RetryingClient() {}

    /** Sends until a request is answered; returns the number of attempts. */
    public static int call(BlockingQueue<CountDownLatch> server) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            CountDownLatch reply = new CountDownLatch(1);
            server.put(reply);
            if (reply.await(5, TimeUnit.SECONDS)) {
                return attempt;
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }
}
