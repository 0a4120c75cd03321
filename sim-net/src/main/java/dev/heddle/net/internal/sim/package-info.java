/**
 * Not API: the simulated network, the {@link dev.heddle.net.internal.NetBackend} that
 * {@code dev.heddle.net} uses inside a simulation. {@link dev.heddle.net.internal.sim.SimNetwork}
 * is one run's network, kept as the run's extension ({@code dev.heddle.sim.SimContext}): its
 * simulated hosts are the machines, names resolve to their addresses, and every message travels
 * through one {@link dev.heddle.net.internal.sim.MessagePath}, where the links' settings
 * ({@code LinkTable}), the cuts ({@code Partitions}), the clogs and holds ({@code Clogs}) decide
 * its fate, in virtual time, from the seed; {@code InFlightRegistry} keeps what is on its way,
 * and {@code Flow} keeps a connection's messages in order. {@code NetworkControl} is what
 * {@code dev.heddle.net.SimNet} drives.
 *
 * <p>What may call what: {@code dev.heddle.net} picks this backend; it implements
 * {@code net.internal}'s drivers with {@code dev.heddle.runtime}'s op protocol (ops are
 * {@code WaitQueue} nodes, woken after the network's lock is released), and uses
 * {@code dev.heddle.sim}'s {@code SimContext} and {@code Host}. Nothing here touches real
 * sockets, threads or time.
 */
package dev.heddle.net.internal.sim;
