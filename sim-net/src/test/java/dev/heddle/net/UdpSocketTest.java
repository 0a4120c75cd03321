package dev.heddle.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.select.Select;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** UDP on the real runtimes, over loopback. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UdpSocketTest {

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void aDatagramArrivesWithItsSendersAddressAndTheReplyGoesBack(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (UdpSocket client = UdpSocket.bind("127.0.0.1:0"); UdpSocket server = UdpSocket.bind("127.0.0.1:0")) {
                    client.send("ping".getBytes(UTF_8), server.localAddress());
                    Datagram request = server.receive();
                    assertEquals(new Datagram("ping".getBytes(UTF_8), client.localAddress()), request);
                    server.send("pong".getBytes(UTF_8), request.sender());
                    Datagram reply = client.receive();
                    assertArrayEquals("pong".getBytes(UTF_8), reply.payload());
                    assertEquals(server.localAddress(), reply.sender());
                }
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void theLargestPayloadArrivesWholeAndOneByteMoreIsRefused(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (UdpSocket a = UdpSocket.bind("127.0.0.1:0"); UdpSocket b = UdpSocket.bind("127.0.0.1:0")) {
                    byte[] largest = new byte[UdpSocket.MAX_PAYLOAD];
                    new Random(3).nextBytes(largest);
                    a.send(largest, b.localAddress());
                    assertArrayEquals(largest, b.receive().payload());

                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> a.send(new byte[UdpSocket.MAX_PAYLOAD + 1], b.localAddress()));
                    assertTrue(e.getMessage().contains("65508 bytes") && e.getMessage().contains("65507"),
                            e.getMessage());

                    a.send(new byte[0], b.localAddress());
                    assertEquals(0, b.receive().payload().length, "an empty datagram is a datagram");
                }
                return null;
            });
        }
    }

    /** Two sockets in one select: each datagram is taken by exactly one receive, none twice, none lost. */
    @ParameterizedTest
    @MethodSource("dev.heddle.net.Runtimes#both")
    void receiveOpsInASelectTakeEachDatagramOnce(RuntimeBuilder builder) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                try (UdpSocket sender = UdpSocket.bind("127.0.0.1:0");
                     UdpSocket x = UdpSocket.bind("127.0.0.1:0");
                     UdpSocket y = UdpSocket.bind("127.0.0.1:0")) {
                    for (int i = 0; i < 10; i++) {
                        sender.send(new byte[] {(byte) i}, (i % 2 == 0 ? x : y).localAddress());
                    }
                    int sumX = 0;
                    int sumY = 0;
                    for (int i = 0; i < 10; i++) {
                        String[] got = Select.<String[]>select()
                                .on(x.receiveOp(), d -> new String[] {"x", Integer.toString(d.payload()[0])})
                                .on(y.receiveOp(), d -> new String[] {"y", Integer.toString(d.payload()[0])})
                                .run();
                        int value = Integer.parseInt(got[1]);
                        assertEquals(got[0].equals("x") ? 0 : 1, value % 2, "datagram " + value + " came from " + got[0]);
                        if (got[0].equals("x")) {
                            sumX += value;
                        } else {
                            sumY += value;
                        }
                    }
                    assertEquals(0 + 2 + 4 + 6 + 8, sumX);
                    assertEquals(1 + 3 + 5 + 7 + 9, sumY);
                }
                return null;
            });
        }
    }
}
