package dev.heddle.net;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.nio.channels.ClosedChannelException;

/** A test server: one task accepts, one task per connection writes back what it reads until the peer ends. */
final class EchoServer {
    private EchoServer() {}

    /** Serves {@code listener} until it is closed; the handle's value is the number of connections served. */
    static JoinHandle<Integer> serve(TcpListener listener) {
        return Heddle.spawn("echo-server", () -> {
            int served = 0;
            try {
                while (true) {
                    TcpStream connection = listener.accept();
                    served++;
                    Heddle.spawn("echo", () -> {
                        try (connection) {
                            byte[] buffer = new byte[4096];
                            int count;
                            while ((count = connection.read(buffer, 0, buffer.length)) >= 0) {
                                connection.writeAll(buffer, 0, count);
                            }
                        }
                        return null;
                    });
                }
            } catch (ClosedChannelException listenerClosed) {
                return served;
            }
        });
    }
}
