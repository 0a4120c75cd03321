package dev.heddle.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.select.Select;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Network waits as select branches: the branch that is ready wins, and the losers take nothing. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetSelectTest {

    /** What one select saw: the stream that became readable, or the connection accepted. */
    sealed interface Event {}

    record Readable(TcpStream stream) implements Event {}

    record Accepted(TcpStream stream) implements Event {}

    record Idle() implements Event {}

    private static Event next(TcpListener listener, TcpStream a, TcpStream b) {
        return branches(listener, a, b).run();
    }

    private static Select<Event> branches(TcpListener listener, TcpStream a, TcpStream b) {
        return Select.<Event>select()
                .on(a.readableOp(), Readable::new)
                .on(b.readableOp(), Readable::new)
                .on(listener.acceptOp(), Accepted::new);
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aSelectOverTwoStreamsAndAListenerWakesForWhicheverIsReady(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream a = TcpStream.connect(listener.localAddress());
                     TcpStream aPeer = listener.accept();
                     TcpStream b = TcpStream.connect(listener.localAddress());
                     TcpStream bPeer = listener.accept()) {
                    assertEquals(new Idle(), branches(listener, a, b).sleep(Duration.ofMillis(20), Idle::new).run(),
                            "nothing is ready yet");

                    bPeer.writeAll("b".getBytes(UTF_8));
                    assertSame(b, ((Readable) next(listener, a, b)).stream());
                    byte[] one = new byte[1];
                    assertEquals(1, b.read(one, 0, 1), "readableOp took nothing");
                    assertEquals('b', one[0]);

                    JoinHandle<TcpStream> connector = Heddle.spawn(() -> TcpStream.connect(listener.localAddress()));
                    Event accepted = next(listener, a, b);
                    try (TcpStream third = connector.join(); TcpStream thirdPeer = ((Accepted) accepted).stream()) {
                        assertEquals(third.localAddress(), thirdPeer.peerAddress());
                    }

                    aPeer.writeAll("a".getBytes(UTF_8));
                    assertSame(a, ((Readable) next(listener, a, b)).stream());
                    assertEquals(1, a.read(one, 0, 1));
                    assertEquals('a', one[0]);
                }
                return null;
            });
        }
    }

    /** Both streams readable: one select wins, and the other stream still has every byte. */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aLosingReadableBranchLeavesItsBytes(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream a = TcpStream.connect(listener.localAddress());
                     TcpStream aPeer = listener.accept();
                     TcpStream b = TcpStream.connect(listener.localAddress());
                     TcpStream bPeer = listener.accept()) {
                    aPeer.writeAll("from a".getBytes(UTF_8));
                    bPeer.writeAll("from b".getBytes(UTF_8));
                    byte[] bytes = new byte[6];
                    for (int round = 0; round < 2; round++) {
                        TcpStream ready = Select.<TcpStream>select()
                                .on(a.readableOp(), s -> s)
                                .on(b.readableOp(), s -> s)
                                .run();
                        ready.readExactly(bytes);
                        assertEquals(ready == a ? "from a" : "from b", new String(bytes, UTF_8));
                    }
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aClosedListenerDisablesItsAcceptBranch(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                TcpListener listener = TcpListener.bind("127.0.0.1:0");
                listener.close();
                String what = Select.<String>select()
                        .on(listener.acceptOp(), s -> "accepted")
                        .orElse(() -> "every branch closed")
                        .run();
                assertEquals("every branch closed", what);
                assertThrows(java.nio.channels.ClosedChannelException.class, listener::accept);
                return null;
            });
        }
    }
}
