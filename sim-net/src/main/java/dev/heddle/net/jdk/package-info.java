/**
 * Unmodified JDK network code ({@code java.net} sockets, {@code java.nio} channels, name lookup)
 * on the simulated network when it runs in a simulated task: {@link dev.heddle.net.jdk.JdkNetwork}
 * names the switch and the JVM options that turn this on.
 */
package dev.heddle.net.jdk;
