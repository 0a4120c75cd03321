package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Listeners on the real runtimes: closing releases the port at once; accepts may come from many tasks. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcpListenerTest {

    /** The JDK closes a socket registered with a selector only at that selector's next selection. */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aClosedListenersPortIsFreeAsSoonAsCloseReturns(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                TcpListener first = TcpListener.bind("127.0.0.1:0");
                InetSocketAddress address = first.localAddress();
                for (int i = 0; i < 20; i++) {
                    first.close();
                    first = TcpListener.bind(address);
                }
                try (TcpListener last = first; TcpStream client = TcpStream.connect(address);
                     TcpStream server = last.accept()) {
                    assertEquals(client.localAddress(), server.peerAddress());
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void tasksAcceptingOnOneListenerEachTakeADifferentConnection(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    List<JoinHandle<TcpStream>> acceptors = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        acceptors.add(Heddle.spawn(listener::accept));
                    }
                    Set<InetSocketAddress> clients = new HashSet<>();
                    List<TcpStream> open = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        TcpStream client = TcpStream.connect(listener.localAddress());
                        clients.add(client.localAddress());
                        open.add(client);
                    }
                    Set<InetSocketAddress> accepted = new HashSet<>();
                    for (JoinHandle<TcpStream> acceptor : acceptors) {
                        TcpStream server = acceptor.join();
                        accepted.add(server.peerAddress());
                        open.add(server);
                    }
                    assertEquals(clients, accepted);
                    for (TcpStream stream : open) {
                        stream.close();
                    }
                }
                return null;
            });
        }
    }
}
