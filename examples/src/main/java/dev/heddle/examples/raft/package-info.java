/**
 * A replicated key-value store on Raft (Ongaro and Ousterhout, 2014), written to be found wrong
 * by the simulator when one of its planted bugs is on, and shown right when none is.
 *
 * <p>How it fits together, in the order a request travels:
 * <ul>
 * <li>{@link dev.heddle.examples.raft.RaftClient} sends a {@link dev.heddle.examples.raft.Command}
 *     to the node it believes leads, over UDP, and retries it with the same request id until a
 *     reply comes or it gives up;
 * <li>{@link dev.heddle.examples.raft.RaftNode} is one server: its event loop, its role and its
 *     volatile state. {@link dev.heddle.examples.raft.Election} makes leaders (terms and votes),
 *     {@link dev.heddle.examples.raft.Replication} copies the leader's log to the followers and
 *     commits on a majority; {@link dev.heddle.examples.raft.DurableLog} keeps the term, the vote
 *     and the log in the host's durable store, so they survive a crash;
 * <li>{@link dev.heddle.examples.raft.KvStateMachine} applies committed commands, once per
 *     request id;
 * <li>{@link dev.heddle.examples.raft.Message} and {@link dev.heddle.examples.raft.MessageCodec}
 *     are what goes over the wire.
 * </ul>
 * The test side: {@link dev.heddle.examples.raft.RaftWorkload} starts the cluster and its
 * clients on simulated hosts, breaks the network and the hosts, heals them, checks liveness and
 * linearizability; {@link dev.heddle.examples.raft.ClusterInvariants} watches Raft's safety
 * properties as they happen; {@link dev.heddle.examples.raft.PlantedBugs} switches the bugs on.
 */
package dev.heddle.examples.raft;
