package dev.heddle.net.internal;

import java.net.InetSocketAddress;

/**
 * A datagram as a {@link DatagramDriver} hands it over: {@code payload} is a fresh array of
 * exactly the bytes received. The public {@code Datagram} is made from it, so that this package
 * does not depend on the API built on it.
 */
public record ReceivedPacket(byte[] payload, InetSocketAddress sender) {}
