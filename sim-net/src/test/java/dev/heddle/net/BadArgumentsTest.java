package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments fail at once, before any socket is opened, with a message naming the value. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadArgumentsTest {

    private static void failsNaming(Class<? extends Exception> type, String named, Executable call) {
        Exception e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(named),
                "expected a message naming " + named + ", got: " + e.getMessage());
    }

    @Test
    void addressesThatAreNotHostColonPortAreRefused() {
        failsNaming(IllegalArgumentException.class, "\"notaport\"", () -> TcpStream.connect("localhost:notaport"));
        failsNaming(IllegalArgumentException.class, "70000", () -> TcpListener.bind("127.0.0.1:70000"));
        failsNaming(IllegalArgumentException.class, "-1", () -> UdpSocket.bind("127.0.0.1:-1"));
        failsNaming(IllegalArgumentException.class, "\"localhost\" has no port", () -> TcpStream.connect("localhost"));
        failsNaming(IllegalArgumentException.class, "[::1]:8080", () -> TcpListener.bind("::1:8080"));
        failsNaming(IllegalArgumentException.class, "\":80\" has no host", () -> TcpStream.connect(":80"));
        failsNaming(IllegalArgumentException.class, "\"[::1\"", () -> TcpStream.connect("[::1"));
        failsNaming(IllegalArgumentException.class, "\" \"", () -> Net.resolve(" "));
    }

    @Test
    void nullsAreRefusedNamingTheParameter() {
        failsNaming(NullPointerException.class, "address", () -> TcpStream.connect((String) null));
        failsNaming(NullPointerException.class, "address", () -> TcpStream.connect((InetSocketAddress) null));
        failsNaming(NullPointerException.class, "address", () -> TcpListener.bind((String) null));
        failsNaming(NullPointerException.class, "address", () -> UdpSocket.bind((InetSocketAddress) null));
        failsNaming(NullPointerException.class, "host", () -> Net.resolve(null));
    }

    @Test
    void rangesAndPayloadsAreCheckedBeforeWaiting() throws Exception {
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
             TcpStream stream = TcpStream.connect(listener.localAddress());
             UdpSocket udp = UdpSocket.bind("127.0.0.1:0")) {
            byte[] eight = new byte[8];
            failsNaming(IndexOutOfBoundsException.class, "-1", () -> stream.read(eight, 0, -1));
            failsNaming(IndexOutOfBoundsException.class, "9", () -> stream.write(eight, 0, 9));
            failsNaming(IndexOutOfBoundsException.class, "-2", () -> stream.readExactly(eight, -2, 1));
            failsNaming(NullPointerException.class, "into", () -> stream.read(null, 0, 1));
            failsNaming(NullPointerException.class, "from", () -> stream.writeAll(null));
            failsNaming(NullPointerException.class, "payload", () -> udp.send(null, udp.localAddress()));
            failsNaming(NullPointerException.class, "to", () -> udp.send(eight, null));
            failsNaming(IllegalArgumentException.class, "65508 bytes",
                    () -> udp.send(new byte[UdpSocket.MAX_PAYLOAD + 1], udp.localAddress()));
            failsNaming(IllegalArgumentException.class, "example.invalid:53",
                    () -> udp.send(eight, InetSocketAddress.createUnresolved("example.invalid", 53)));
        }
    }
}
