package dev.heddle.net.jdk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol's client as plain JDK code: a {@link Socket}, a reader and a writer. The
 * same code runs on real loopback and in a simulated task.
 */
final class LineClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Connects to {@code host}:{@code port}, waiting at most {@code connectTimeoutMillis} (0: for ever). */
    static LineClient connect(String host, int port, int connectTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        return new LineClient(socket);
    }

    Socket socket() {
        return socket;
    }

    /** Sends "PING {@code word}" and returns the answer line. */
    String ping(String word) throws IOException {
        out.println("PING " + word);
        return in.readLine();
    }

    /** Sends {@code line}, ends the output (half-close), and returns every line answered until the server's end. */
    List<String> sendAndFinish(String... lines) throws IOException {
        for (String line : lines) {
            out.println(line);
        }
        socket.shutdownOutput();
        List<String> answers = new ArrayList<>();
        String answer;
        while ((answer = in.readLine()) != null) {
            answers.add(answer);
        }
        return answers;
    }

    /** Waits for the next line from the server. */
    String receive() throws IOException {
        return in.readLine();
    }

    /** Sends {@code line} and waits for an answer line, which may never come. */
    String send(String line) throws IOException {
        out.println(line);
        return in.readLine();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
