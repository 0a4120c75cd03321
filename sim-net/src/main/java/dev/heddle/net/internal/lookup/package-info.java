/**
 * Not API: the JVM's {@link java.net.InetAddress} name resolver (JEP 418), installed by the
 * service entry in sim-net's {@code META-INF/services}. It routes each lookup by its caller: a
 * task of a simulation gets its run's simulated names ({@code dev.heddle.net.internal.sim}'s
 * {@code SimNetwork}), every other thread the JDK's built-in resolver, with real I/O. It lives
 * apart from {@code internal.sim}, which never touches anything real.
 */
package dev.heddle.net.internal.lookup;
