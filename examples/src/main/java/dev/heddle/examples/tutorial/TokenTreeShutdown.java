package dev.heddle.examples.tutorial;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shutdown through a tree of cancellation tokens (tokio-util's {@code CancellationToken} and
 * {@code child_token}): a server holds a root token, each of its two listeners a child of it, and
 * each connection a child of its listener's. Closing the {@code admin} listener cancels its token:
 * its connections stop at their next suspension point and close, while the {@code public}
 * listener's go on serving. Shutting the server down then cancels the root, which reaches every
 * connection left.
 *
 * <p>Guarantees: cancelling a listener's token ends exactly that listener's connections, and never
 * cancels the root or the other listener; every connection closes exactly once; every connection
 * of the public listener serves requests after the admin listener closed; after the root is
 * cancelled every connection has closed.
 */
public final class TokenTreeShutdown {

    /**
     * What the shutdown saw.
     *
     * @param closedWithAdmin connections closed when the admin listener's were joined
     * @param parentOrSiblingCancelled whether cancelling the admin token cancelled its parent (the root)
     *     or its sibling (the public token)
     * @param publicServedAfterAdmin requests each public connection served after the admin listener closed
     * @param closedAtEnd every connection closed once the root was cancelled, in the order they closed
     */
    public record Outcome(List<String> closedWithAdmin, boolean parentOrSiblingCancelled,
                          List<Integer> publicServedAfterAdmin, List<String> closedAtEnd) {}

    private TokenTreeShutdown() {}

    /** Runs two listeners of {@code connections} connections each, closes the admin one, then the server. */
    public static Outcome run(int connections) {
        CancellationToken server = new CancellationToken();
        CancellationToken publicListener = server.child();
        CancellationToken adminListener = server.child();
        Queue<String> closed = new ConcurrentLinkedQueue<>();
        List<AtomicInteger> publicServed = new ArrayList<>();
        List<JoinHandle<Void>> publicConnections = new ArrayList<>();
        List<JoinHandle<Void>> adminConnections = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            AtomicInteger served = new AtomicInteger();
            publicServed.add(served);
            publicConnections.add(connection("public-" + i, publicListener.child(), served, closed));
            adminConnections.add(connection("admin-" + i, adminListener.child(), new AtomicInteger(), closed));
        }

        Heddle.sleep(Duration.ofMillis(20));
        adminListener.cancel();
        for (JoinHandle<Void> c : adminConnections) {
            c.join();
        }
        List<String> closedWithAdmin = List.copyOf(closed);
        boolean parentOrSiblingCancelled = server.isCancelled() || publicListener.isCancelled();
        List<Integer> servedBefore = publicServed.stream().map(AtomicInteger::get).toList();

        Heddle.sleep(Duration.ofMillis(20));
        server.cancel();
        for (JoinHandle<Void> c : publicConnections) {
            c.join();
        }
        List<Integer> servedAfter = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            servedAfter.add(publicServed.get(i).get() - servedBefore.get(i));
        }
        return new Outcome(closedWithAdmin, parentOrSiblingCancelled, servedAfter, List.copyOf(closed));
    }

    /** A connection serving requests until its token is cancelled, then closing. */
    private static JoinHandle<Void> connection(String name, CancellationToken token, AtomicInteger served,
            Queue<String> closed) {
        return Heddle.spawn(name, () -> {
            try {
                token.runUntilCancelled(() -> serve(served));
            } finally {
                closed.add(name);
            }
        });
    }

    private static void serve(AtomicInteger served) {
        while (true) {
            Heddle.sleep(Duration.ofMillis(1 + Heddle.random().nextInt(4)));   // one request
            served.incrementAndGet();
        }
    }
}
