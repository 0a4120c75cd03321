package dev.heddle.net.jdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The real side of the comparisons: the same client code against servers on real loopback, on plain threads. */
final class Loopback {
    private Loopback() {}

    /** What {@code client} returns against a {@link LineServer} on real loopback. */
    static <T> T withLineServer(Client<T> client) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    LineServer.serve(listening);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                return client.run(host(), listening.getLocalPort());
            } finally {
                listening.close();
                server.join();
            }
        }
    }

    /**
     * What {@code client} returns against a server that accepts one connection and, when the
     * client runs the crash it is given, goes away as a crashed host does: its connection is
     * reset (closed with {@code SO_LINGER} 0, which sends a reset) and its port is closed.
     */
    static <T> T crashing(CrashingClient<T> client) throws Exception {
        ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Socket[] accepted = new Socket[1];
        Thread acceptor = Thread.ofVirtual().start(() -> {
            try {
                accepted[0] = listening.accept();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Runnable crash = () -> {
            try {
                acceptor.join();
                accepted[0].setSoLinger(true, 0);
                accepted[0].close();
                listening.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        try {
            return client.run(host(), listening.getLocalPort(), crash);
        } finally {
            listening.close();
        }
    }

    private static String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** A client run against a server at {@code host}:{@code port}. */
    @FunctionalInterface
    interface Client<T> {
        T run(String host, int port) throws Exception;
    }

    /** A client run against a server it crashes with {@code crash}. */
    @FunctionalInterface
    interface CrashingClient<T> {
        T run(String host, int port, Runnable crash) throws Exception;
    }

    /** One call whose outcome a test compares. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}
