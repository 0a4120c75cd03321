package dev.heddle.net;

import dev.heddle.net.internal.AddressText;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One datagram received by a {@link UdpSocket}: its bytes, and the address it came from (the
 * address to reply to). The payload array is the datagram's own, exactly as long as what
 * arrived; two datagrams are equal when their bytes and senders are.
 */
public record Datagram(byte[] payload, InetSocketAddress sender) {

    public Datagram {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(sender, "sender");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Datagram that && Arrays.equals(payload, that.payload) && sender.equals(that.sender);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload) + sender.hashCode();
    }

    @Override
    public String toString() {
        return "Datagram[" + payload.length + " bytes from " + AddressText.of(sender) + "]";
    }
}
