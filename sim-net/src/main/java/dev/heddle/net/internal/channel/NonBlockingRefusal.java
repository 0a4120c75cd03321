package dev.heddle.net.internal.channel;

/**
 * What a simulated task is told when it asks for non-blocking I/O (a channel's
 * {@code configureBlocking(false)}, {@code Selector.open()}): the simulated network serves
 * {@code java.nio} channels in blocking mode only, which is what code on virtual threads
 * uses; a selector loop would need a simulated {@code Selector}, which Heddle does not have.
 */
public final class NonBlockingRefusal {
    private NonBlockingRefusal() {}

    /** The refusal of {@code what}, for instance "configureBlocking(false) on simulated SocketChannel ...". */
    public static UnsupportedOperationException of(Object what) {
        return new UnsupportedOperationException("non-blocking I/O is not simulated (" + what + "): in a simulated"
                + " task, java.nio SocketChannel, ServerSocketChannel and DatagramChannel work in blocking mode only,"
                + " with their socket() adaptors; keep the channel blocking (one task per connection), or use"
                + " dev.heddle.net.TcpStream with Select to wait on several sockets");
    }
}
