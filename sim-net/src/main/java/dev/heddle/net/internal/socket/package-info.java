/**
 * Not API: {@code java.net.Socket} and {@code ServerSocket} of simulated tasks on the simulated
 * network. {@code RoutingSocketImplFactory}, installed by {@code dev.heddle.net.jdk.JdkNetwork},
 * gives each socket, when it is created, a {@code SimSocketImpl} on the run's {@code SimNetwork}
 * if the creating thread is a simulated task, and the JDK's own implementation otherwise.
 */
package dev.heddle.net.internal.socket;
