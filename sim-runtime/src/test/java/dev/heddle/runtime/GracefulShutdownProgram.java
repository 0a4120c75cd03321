package dev.heddle.runtime;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Sender;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tokio's graceful-shutdown tutorial in Heddle: a producer and a worker run until ctrl-c; then
 * the program tells the producer to stop, lets the worker drain every job already sent, and
 * reports. The same {@link #run} runs in a child JVM that the test signals
 * ({@code CtrlCTest}) and in the simulator, which sends the signal at a seeded virtual time.
 */
final class GracefulShutdownProgram {
    /** How many jobs the producer sent and the worker handled: equal when the shutdown lost none. */
    record Outcome(int sent, int handled) {}

    private GracefulShutdownProgram() {}

    static Outcome run(Consumer<String> log) {
        // Listening from here on: a signal after "ready" is never missed.
        var ctrlC = Heddle.ctrlCOp();
        CancellationToken shutdown = new CancellationToken();
        Channel<Integer> jobs = Mpsc.bounded(4);
        JoinHandle<Integer> producer = Heddle.spawn("producer", () -> {
            int sent = 0;
            try (Sender<Integer> tx = jobs.sender()) {
                while (shutdown.runUntilCancelled(() -> Heddle.sleep(Duration.ofMillis(5)))) {
                    tx.send(++sent);
                }
            }
            return sent;
        });
        JoinHandle<Integer> worker = Heddle.spawn("worker", () -> {
            int handled = 0;
            while (jobs.receiver().recv() != null) {
                handled++;
            }
            return handled;
        });
        log.accept("ready");
        SelectableOp.await(ctrlC);
        log.accept("ctrl-c received, shutting down");
        shutdown.cancel();
        int sent = producer.join();
        int handled = worker.join();
        log.accept("handled " + handled + " of " + sent + " jobs");
        return new Outcome(sent, handled);
    }

    /**
     * The program in its own JVM, for a test to signal: {@code current} or {@code multi} picks the
     * runtime; {@code ignore} makes it go on waiting after the signal, so that only the runtime's
     * grace period ({@code 300 ms} here) ends the JVM.
     */
    public static void main(String[] args) {
        RuntimeBuilder builder = args[0].equals("multi") ? HeddleRuntime.multiThread().workerThreads(2)
                : HeddleRuntime.currentThread();
        boolean ignore = args.length > 1 && args[1].equals("ignore");
        try (HeddleRuntime rt = builder.shutdownGracePeriod(Duration.ofMillis(300)).build()) {
            rt.blockOn(() -> {
                if (ignore) {
                    SelectableOp<Void> ctrlC = Heddle.ctrlCOp();
                    println("ready");
                    SelectableOp.await(ctrlC);
                    println("ctrl-c received, ignoring it");
                    new CancellationToken().awaitCancellation();
                }
                return run(GracefulShutdownProgram::println);
            });
        }
    }

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
