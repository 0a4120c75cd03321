package dev.heddle.net.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * A socket address as messages show it: "127.0.0.1:5000", "[::1]:5000", or "example.com:80"
 * while unresolved. {@link InetSocketAddress#toString()} adds a slash and the host name it
 * happens to know ("localhost/127.0.0.1:5000"), which makes two messages about one address
 * look different.
 */
public final class AddressText {
    private AddressText() {}

    public static String of(InetSocketAddress address) {
        if (address.isUnresolved()) {
            return address.getHostString() + ":" + address.getPort();
        }
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
