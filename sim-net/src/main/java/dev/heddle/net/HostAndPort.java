package dev.heddle.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A host and a port as a caller wrote them, "example.com:80", "127.0.0.1:0" or "[::1]:8080",
 * and the rule for opening a socket at one: try each address of the host in turn, as Tokio
 * does, until one works.
 */
record HostAndPort(String host, int port) {

    /** One attempt at opening a socket at a resolved {@code address}. */
    interface Attempt<T> {
        T at(InetSocketAddress address) throws IOException;
    }

    /**
     * Parses "host:port"; an IPv6 address goes in brackets.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form or the port is not 0 to 65535
     */
    static HostAndPort parse(String text) {
        Objects.requireNonNull(text, "address");
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("address \"" + text + "\" is not [IPv6 address]:port");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("address \"" + text + "\" has no port: write host:port, for"
                        + " instance localhost:8080 (port 0 lets the system pick a free one)");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("address \"" + text + "\" has more than one ':': put an IPv6"
                        + " address in brackets, as in [::1]:8080");
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("address \"" + text + "\" has no host: name one, as \"localhost" + text
                    + "\", or \"0.0.0.0" + text + "\" to bind every address of this machine");
        }
        return new HostAndPort(host, parsePort(port, text));
    }

    /**
     * Runs {@code attempt} at {@code address}, resolving it first when it is unresolved: then at
     * each address of its host in turn.
     */
    static <T> T tryEachAddress(InetSocketAddress address, Attempt<T> attempt) throws IOException {
        Objects.requireNonNull(address, "address");
        if (!address.isUnresolved()) {
            return attempt.at(address);
        }
        return new HostAndPort(address.getHostString(), address.getPort()).tryEachAddress(attempt);
    }

    /**
     * Runs {@code attempt} at each address of the host in turn and returns the first that works;
     * when none does, throws the last failure, with the earlier ones suppressed in it.
     */
    <T> T tryEachAddress(Attempt<T> attempt) throws IOException {
        IOException failure = null;
        for (InetAddress address : Net.resolve(host)) {
            try {
                return attempt.at(new InetSocketAddress(address, port));
            } catch (IOException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        throw failure;
    }

    private static int parsePort(String port, String text) {
        int value;
        try {
            value = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port \"" + port + "\" in \"" + text + "\" is not a number");
        }
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException("port " + value + " in \"" + text + "\" is out of range 0..65535");
        }
        return value;
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
