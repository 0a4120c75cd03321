package dev.heddle.net.internal.channel;

import java.net.DatagramPacket;
import java.net.DatagramSocketImpl;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;

/**
 * The {@code DatagramSocketImpl} that {@link java.net.DatagramSocket}'s protected constructor
 * demands of the simulated adaptor, which overrides every public method and so never calls it.
 * A call reaching it is a bug of the adaptor: it says so.
 */
final class NoDatagramSocketImpl extends DatagramSocketImpl {
    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the simulated DatagramSocket adaptor reached its placeholder"
                + " DatagramSocketImpl: a method of java.net.DatagramSocket it does not override; report it with the"
                + " stack");
    }

    @Override
    protected void create() {
        throw unused();
    }

    @Override
    protected void bind(int lport, InetAddress laddr) {
        throw unused();
    }

    @Override
    protected void send(DatagramPacket p) {
        throw unused();
    }

    @Override
    protected int peek(InetAddress i) {
        throw unused();
    }

    @Override
    protected int peekData(DatagramPacket p) {
        throw unused();
    }

    @Override
    protected void receive(DatagramPacket p) {
        throw unused();
    }

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    protected void setTTL(byte ttl) {
        throw unused();
    }

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    protected byte getTTL() {
        throw unused();
    }

    @Override
    protected void setTimeToLive(int ttl) {
        throw unused();
    }

    @Override
    protected int getTimeToLive() {
        throw unused();
    }

    @Override
    protected void join(InetAddress inetaddr) {
        throw unused();
    }

    @Override
    protected void leave(InetAddress inetaddr) {
        throw unused();
    }

    @Override
    protected void joinGroup(SocketAddress mcastaddr, NetworkInterface netIf) {
        throw unused();
    }

    @Override
    protected void leaveGroup(SocketAddress mcastaddr, NetworkInterface netIf) {
        throw unused();
    }

    @Override
    protected void close() {
        throw unused();
    }

    @Override
    public void setOption(int optID, Object value) {
        throw unused();
    }

    @Override
    public Object getOption(int optID) {
        throw unused();
    }
}
