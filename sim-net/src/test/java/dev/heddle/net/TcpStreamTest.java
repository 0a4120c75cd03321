package dev.heddle.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TCP on the real runtimes, over loopback: bytes, framing, lines, half-close and the Java views. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcpStreamTest {

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void anEchoServerSendsBackWhatEachOfItsClientsWrote(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            int served = rt.blockOn(() -> {
                TcpListener listener = TcpListener.bind("127.0.0.1:0");
                JoinHandle<Integer> server = EchoServer.serve(listener);
                List<JoinHandle<String>> clients = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    int client = c;
                    clients.add(Heddle.spawn(() -> {
                        try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
                            StringBuilder echoed = new StringBuilder();
                            for (int m = 0; m < 20; m++) {
                                byte[] message = ("client " + client + " message " + m + ";").getBytes(UTF_8);
                                stream.writeAll(message);
                                byte[] back = new byte[message.length];
                                stream.readExactly(back);
                                echoed.append(new String(back, UTF_8));
                            }
                            return echoed.toString();
                        }
                    }));
                }
                for (int c = 0; c < clients.size(); c++) {
                    String echoed = clients.get(c).join();
                    assertTrue(echoed.startsWith("client " + c + " message 0;"), echoed);
                    assertTrue(echoed.endsWith("client " + c + " message 19;"), echoed);
                }
                listener.close();
                return server.join();
            });
            assertEquals(8, served);
        }
    }

    /** Far more than the sockets buffer: the writer must wait for room, while the echo writes back. */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void megabytesWrittenInOneCallComeBackWholeAndInOrder(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    EchoServer.serve(listener);
                    byte[] sent = new byte[4 * 1024 * 1024];
                    new Random(7).nextBytes(sent);
                    try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
                        JoinHandle<Void> writer = Heddle.spawn(() -> {
                            stream.writeAll(sent);
                            stream.shutdownOutput();
                            return null;
                        });
                        byte[] received = new byte[sent.length];
                        stream.readExactly(received);
                        assertEquals(-1, stream.read(new byte[1], 0, 1), "the echo ends after our end");
                        writer.join();
                        assertArrayEquals(sent, received);
                    }
                }
                return null;
            });
        }
    }

    record Order(String item, int quantity) implements Serializable {}

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void lengthPrefixedFramesAndObjectsCrossThroughTheDataAndObjectStreamViews(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream client = TcpStream.connect(listener.localAddress());
                     TcpStream server = listener.accept()) {
                    int[] sizes = {0, 1, 7, 4096, 16 * 1024 + 3, 200_000};
                    JoinHandle<Void> sender = Heddle.spawn(() -> {
                        DataOutputStream out = new DataOutputStream(client.outputStream());
                        for (int size : sizes) {
                            byte[] frame = new byte[size];
                            Arrays.fill(frame, (byte) size);
                            out.writeInt(size);
                            out.write(frame);
                        }
                        out.flush();
                        ObjectOutputStream objects = new ObjectOutputStream(client.outputStream());
                        objects.writeObject(List.of(new Order("loom", 2), new Order("shuttle", 5)));
                        objects.flush();
                        return null;
                    });
                    DataInputStream in = new DataInputStream(server.inputStream());
                    for (int size : sizes) {
                        assertEquals(size, in.readInt());
                        byte[] frame = new byte[size];
                        in.readFully(frame);
                        for (byte b : frame) {
                            assertEquals((byte) size, b);
                        }
                    }
                    ObjectInputStream objects = new ObjectInputStream(server.inputStream());
                    assertEquals(List.of(new Order("loom", 2), new Order("shuttle", 5)), objects.readObject());
                    sender.join();
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aLineProtocolRunsOverBufferedReaderAndPrintWriter(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            List<String> replies = rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    JoinHandle<Integer> server = Heddle.spawn(() -> {
                        try (TcpStream connection = listener.accept()) {
                            BufferedReader in = new BufferedReader(new InputStreamReader(connection.inputStream(), UTF_8));
                            PrintWriter out = new PrintWriter(connection.outputStream(), true, UTF_8);
                            int lines = 0;
                            String line;
                            while ((line = in.readLine()) != null && !line.equals("QUIT")) {
                                out.println(line.replace("PING", "PONG"));
                                lines++;
                            }
                            return lines;
                        }
                    });
                    List<String> got = new ArrayList<>();
                    try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(stream.inputStream(), UTF_8));
                        PrintWriter out = new PrintWriter(stream.outputStream(), true, UTF_8);
                        for (int i = 0; i < 50; i++) {
                            out.println("PING " + i);
                            got.add(in.readLine());
                        }
                        out.println("QUIT");
                        assertNull(in.readLine(), "the server closes after QUIT");
                    }
                    assertEquals(50, server.join());
                    return got;
                }
            });
            assertEquals(50, replies.size());
            assertEquals("PONG 0", replies.get(0));
            assertEquals("PONG 49", replies.get(49));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void afterShutdownOutputThePeerReadsTheEndAndCanStillReply(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream client = TcpStream.connect(listener.localAddress())) {
                    TcpStream server = listener.accept();
                    client.writeAll("request".getBytes(UTF_8));
                    client.shutdownOutput();
                    assertEquals("request", new String(server.inputStream().readAllBytes(), UTF_8));
                    assertEquals(-1, server.read(new byte[4], 0, 4), "the end is reported to every later read");

                    ClosedChannelException e = assertThrows(ClosedChannelException.class,
                            () -> client.writeAll(new byte[1]));
                    assertTrue(e.getMessage().contains("shut down"), e.getMessage());

                    server.writeAll("reply".getBytes(UTF_8));
                    server.close();
                    assertEquals("reply", new String(client.inputStream().readAllBytes(), UTF_8));
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void readExactlySaysHowManyBytesWereMissingWhenTheStreamEnds(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream client = TcpStream.connect(listener.localAddress());
                     TcpStream server = listener.accept()) {
                    server.writeAll(new byte[3]);
                    server.shutdownOutput();
                    EOFException e = assertThrows(EOFException.class, () -> client.readExactly(new byte[8]));
                    assertTrue(e.getMessage().contains("after 3 of 8 bytes: 5 missing"), e.getMessage());
                    assertTrue(e.getMessage().contains(address(server.localAddress())), e.getMessage());
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void theByteChannelViewReadsAndWritesHeapAndDirectBuffers(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                     TcpStream client = TcpStream.connect(listener.localAddress());
                     TcpStream server = listener.accept()) {
                    ByteChannel out = client.channel();
                    assertEquals(5, out.write(ByteBuffer.wrap("hello".getBytes(UTF_8))));
                    ByteBuffer direct = ByteBuffer.allocateDirect(6).put(" world".getBytes(UTF_8)).flip();
                    assertEquals(6, out.write(direct));
                    assertFalse(direct.hasRemaining());

                    ByteBuffer into = ByteBuffer.allocateDirect(11);
                    while (into.hasRemaining()) {
                        assertTrue(server.channel().read(into) > 0);
                    }
                    byte[] got = new byte[11];
                    into.flip().get(got);
                    assertEquals("hello world", new String(got, UTF_8));
                    assertTrue(out.isOpen());
                    out.close();
                    assertFalse(client.isOpen());
                    assertEquals(-1, server.channel().read(ByteBuffer.allocate(1)));
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void bothEndsKnowEachOthersAddressesAndAHostNameConnects(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
                    int port = listener.localAddress().getPort();
                    assertTrue(port > 0, "port 0 picks a free port");
                    try (TcpStream client = TcpStream.connect("localhost:" + port);
                         TcpStream server = listener.accept()) {
                        assertEquals(listener.localAddress(), client.peerAddress());
                        assertEquals(client.localAddress(), server.peerAddress());
                        assertEquals(listener.localAddress(), server.localAddress());
                        assertTrue(client.toString().contains(address(client.localAddress()) + " -> 127.0.0.1:" + port),
                                client.toString());
                    }
                }
                return null;
            });
        }
    }

    @Test
    void socketsWorkOnPlainThreadsAndShareOneDaemonReactorThread() throws Exception {
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
             TcpStream client = TcpStream.connect(listener.localAddress());
             TcpStream server = listener.accept()) {
            client.writeAll(new byte[] {42});
            assertEquals(42, server.inputStream().read());
        }
        List<Thread> reactors = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("heddle-net-reactor")).toList();
        assertEquals(1, reactors.size(), reactors.toString());
        assertTrue(reactors.get(0).isDaemon());
    }

    static String address(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
