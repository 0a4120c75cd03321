/**
 * {@code java.nio} channels on the simulated network: what
 * {@link dev.heddle.net.jdk.SimulatedSelectorProvider} opens for a simulated task, so that
 * unmodified code on {@code SocketChannel}, {@code ServerSocketChannel} and
 * {@code DatagramChannel} (and their {@code socket()} adaptors) talks between simulated hosts
 * in blocking mode, with the JDK's exceptions.
 */
package dev.heddle.net.internal.channel;
