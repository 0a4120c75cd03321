/**
 * Unmodified JDK networking code in simulation: with the test JVM's switch on, sockets, channels
 * and name lookups made by a simulated task go over the run's simulated network, and every other
 * thread's are the JDK's own.
 */
package dev.heddle.net.jdk;
