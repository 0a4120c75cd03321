/**
 * Networking for Heddle tasks, after Tokio's {@code tokio::net}: {@link dev.heddle.net.TcpListener},
 * {@link dev.heddle.net.TcpStream}, {@link dev.heddle.net.UdpSocket} with its
 * {@link dev.heddle.net.Datagram}s, and name resolution in {@link dev.heddle.net.Net}. The same
 * calls work on {@code HeddleRuntime.multiThread()}, on {@code HeddleRuntime.currentThread()}
 * and on plain threads.
 *
 * <p><b>Waiting.</b> Every call that waits (connect, accept, read, write, send, receive, a name
 * lookup) is a suspension point: it parks the task as a channel receive does, so
 * {@code JoinHandle.abort()} and {@code Heddle.clock().timeout(...)} end it with a
 * {@link java.util.concurrent.CancellationException} (a timeout then surfaces as
 * {@code Elapsed}). That is how to bound a call in time; there are no socket timeout options.
 * Accepts, reads and receives are cancellation-safe: one so ended has taken nothing, and what
 * arrives afterwards goes to the next call. {@code acceptOp()}, {@code readableOp()} and
 * {@code receiveOp()} offer those waits to {@code Select}, where a losing branch takes nothing.
 *
 * <p><b>Errors</b> are checked {@link java.io.IOException}s, as in {@code java.net}, of the
 * JDK's types, with messages that name the addresses involved: a refused connection is a
 * {@link java.net.ConnectException}, an address in use a {@link java.net.BindException}, a
 * reset connection a {@link java.net.SocketException} whose message says "reset", a name
 * without address an {@link java.net.UnknownHostException}. Using a socket this side closed
 * (or writing after {@code shutdownOutput()}) throws a
 * {@link java.nio.channels.ClosedChannelException}, as {@code java.nio} does, always that type.
 * A stream that ends inside {@code readExactly} throws an {@link java.io.EOFException} saying how
 * many bytes were missing. Bad arguments (null, a negative length, "host:notaport", a port out
 * of 0..65535, an oversized datagram) fail at once with an unchecked exception naming the value.
 * An op's {@code result()} cannot throw a checked exception, so in a select it throws an
 * {@link java.io.UncheckedIOException} around the failure.
 *
 * <p><b>Layers.</b> The classes here check arguments, resolve names, and give the Java views;
 * the network behind them is a {@code dev.heddle.net.internal.NetBackend}: the system's
 * (non-blocking {@code java.nio} channels and one reactor thread), or inside a simulation the
 * simulation's own ({@code internal.sim}), between its simulated hosts on virtual time, so the
 * same code runs on both. The {@code internal} packages
 * are not API.
 */
package dev.heddle.net;
