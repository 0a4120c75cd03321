package dev.heddle.net.jdk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A line-protocol server written as plain JDK code, nothing of Heddle's in it: a
 * {@link ServerSocket}, one virtual thread per connection. Each line "PING x" is answered
 * "PONG x"; "SILENT" gets no answer (a client's read then times out); at the end of the
 * client's output the server answers "BYE n", n the lines it read, and closes. The same code
 * runs on real loopback and in a simulated task.
 */
final class LineServer {
    private final ServerSocket listening;
    private final List<Thread> connections = new ArrayList<>();

    private LineServer(ServerSocket listening) {
        this.listening = listening;
    }

    /** Serves on {@code listening} until it is closed: accepts on the calling thread. */
    static void serve(ServerSocket listening) throws InterruptedException {
        new LineServer(listening).acceptAll();
    }

    private void acceptAll() throws InterruptedException {
        try {
            while (true) {
                Socket connection = listening.accept();
                connections.add(Thread.ofVirtual().start(() -> answer(connection)));
            }
        } catch (IOException closed) {
            // The listener was closed: the server stops accepting, and ends once its connections have.
        }
        for (Thread connection : connections) {
            connection.join();
        }
    }

    private static void answer(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8)) {
            int lines = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.startsWith("PING ")) {
                    out.println("PONG " + line.substring(5));
                }
            }
            out.println("BYE " + lines);
        } catch (SocketException reset) {
            // The client went away: nothing to answer.
        } catch (IOException e) {
            throw new IllegalStateException("the line server failed on " + connection, e);
        }
    }
}
