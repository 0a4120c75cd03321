package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loader publishes a new configuration object, then fills it in from a file (a
 * {@link Thread#yield()} for the read), while a server handles requests with whatever
 * configuration is published, or its built-in one while none is: a request in between sees
 * port 0. Fixed: the configuration is filled in first and published after.
 */
final class PublicationBeforeInit {
    static final BugProgram PROGRAM = new BugProgram("publication-before-init", BugKind.ORDER_VIOLATION,
            FailureKind.TASK_FAILED,
            "a configuration is published before it is loaded: a reader in between sees its defaults",
            Set.of(), sim -> run(false), sim -> run(true));

    private static final int PORT = 8080;
    private static final int REQUESTS = 3;
    /** The server's start-up, before its first request. */
    private static final int STARTUP_STEPS = 2;

    private PublicationBeforeInit() {}

    /** A configuration, filled in after construction. */
    private static final class Config {
        int port;

        void load() {
            Thread.yield();
            port = PORT;
        }
    }

    private static void run(boolean fixed) throws Exception {
        AtomicReference<Config> current = new AtomicReference<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())) {
            Future<?> loader = threads.submit(() -> {
                Config config = new Config();
                if (fixed) {
                    config.load();
                    current.set(config);
                } else {
                    current.set(config);
                    config.load();
                }
            });
            Future<?> server = threads.submit(() -> {
                Work.steps(STARTUP_STEPS);
                for (int request = 0; request < REQUESTS; request++) {
                    Config config = current.get();
                    int port = config == null ? PORT : config.port;
                    if (port != PORT) {
                        throw new AssertionError("request " + request + " read port " + port
                                + " from the published configuration");
                    }
                    Thread.yield();
                }
            });
            loader.get();
            server.get();
        }
    }
}
