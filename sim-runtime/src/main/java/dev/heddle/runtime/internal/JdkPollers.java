package dev.heddle.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;

/**
 * Starts the JDK's I/O pollers outside every Heddle runtime, once per JVM. The JDK starts them
 * lazily, as virtual threads, the first time a virtual thread waits on a socket or pipe, and
 * they inherit the scheduler of that thread. Were that a Heddle task, the JVM's pollers would
 * belong to that runtime's carrier (a simulation's, or a multi-thread runtime's workers) and
 * stop with it, and every later virtual-thread I/O in the JVM would hang (measured on JDK 25
 * after a simulation: a loopback connect never completes). So before the first runtime, a
 * virtual thread on the JDK's own scheduler waits once on a pipe, and the pollers it starts live
 * on that scheduler.
 */
public final class JdkPollers {
    private JdkPollers() {}

    private static boolean started;

    /** Returns once the pollers run on the JDK's default scheduler; cheap after the first call. */
    public static synchronized void startOutsideRuntimes() {
        if (started) {
            return;
        }
        // A platform thread starts the waiting virtual thread, so that it gets the default scheduler
        // even when the first runtime is created from inside some other runtime's virtual thread.
        Throwable[] failure = new Throwable[1];
        Thread starter = Thread.ofPlatform().daemon().name("heddle-start-jdk-pollers").start(() -> {
            try {
                waitOnAPipe();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the JDK's I/O pollers", e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("cannot start the JDK's I/O pollers outside Heddle's runtimes ("
                    + failure[0] + "); without them a task's real I/O could stop all virtual-thread I/O in this"
                    + " JVM once its runtime closes. Check that this JVM may open a pipe (file descriptors, sandbox).",
                    failure[0]);
        }
        started = true;
    }

    private static void waitOnAPipe() throws IOException, InterruptedException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            Thread reader = Thread.ofVirtual().name("heddle-jdk-poller-start").start(() -> {
                try {
                    source.read(ByteBuffer.allocate(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // The read must block (and so start the pollers) before the byte arrives: wait until it parks.
            while (reader.getState() != Thread.State.WAITING && reader.isAlive()) {
                Thread.sleep(1);
            }
            sink.write(ByteBuffer.wrap(new byte[] {1}));
            reader.join();
        }
    }
}
