/**
 * Not API: the network backend on the system's sockets. Every channel is non-blocking and
 * registered with the JVM's one {@link dev.heddle.net.internal.nio.Reactor} thread (why: see
 * that class). A {@link dev.heddle.net.internal.nio.Registration} per channel keeps its inbox and
 * its waiting ops; {@link dev.heddle.net.internal.nio.InboundOp}s (read, readable, accept,
 * receive) commit from the inbox like a channel's receive, and a
 * {@link dev.heddle.net.internal.nio.WritableOp} waits for room to write or for a connect to be
 * decided.
 *
 * <p>What may call what: only {@link dev.heddle.net.internal.nio.NioBackend} is public, for
 * {@code dev.heddle.net} to create; everything else is reached through the
 * {@code dev.heddle.net.internal} interfaces. The reactor thread runs only
 * {@code Registration.onReady}; tasks run everything else.
 */
package dev.heddle.net.internal.nio;
