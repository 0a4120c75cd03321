package dev.heddle.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The addresses simulated hosts get, in the order they are created: from the ranges set aside
 * for documentation, which no real network routes, so that an address that leaks into real
 * I/O reaches nothing. First the three IPv4 ranges of RFC 5737 ({@code 192.0.2.0/24},
 * {@code 198.51.100.0/24}, {@code 203.0.113.0/24}; 254 hosts each), then IPv6's
 * {@code 2001:db8::/32} of RFC 3849, without limit.
 */
final class HostAddresses {
    private static final byte[][] IPV4_RANGES = {{(byte) 192, 0, 2}, {(byte) 198, 51, 100}, {(byte) 203, 0, 113}};
    private static final int PER_RANGE = 254;

    private HostAddresses() {}

    /** The address of the host created {@code index}-th (from 0), carrying {@code name}, so that no lookup happens. */
    static InetAddress of(String name, int index) {
        byte[] bytes;
        if (index < IPV4_RANGES.length * PER_RANGE) {
            byte[] range = IPV4_RANGES[index / PER_RANGE];
            bytes = new byte[] {range[0], range[1], range[2], (byte) (1 + index % PER_RANGE)};
        } else {
            long n = index + 1L;
            bytes = new byte[16];
            bytes[0] = 0x20;
            bytes[1] = 0x01;
            bytes[2] = 0x0d;
            bytes[3] = (byte) 0xb8;
            for (int i = 0; i < 8; i++) {
                bytes[15 - i] = (byte) (n >>> (8 * i));
            }
        }
        try {
            return InetAddress.getByAddress(name, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes was refused", e);
        }
    }
}
