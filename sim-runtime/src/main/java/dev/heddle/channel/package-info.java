/**
 * Channels between tasks, after Tokio's: one package per kind ({@code mpsc}, {@code oneshot},
 * {@code broadcast}, {@code watch}), and here what they share:
 * {@link dev.heddle.channel.SendException}, which hands a refused value back, and
 * {@link dev.heddle.channel.ChannelClosedException}.
 *
 * <p>Every {@code tryRecv} tells its outcomes apart by itself, as Tokio's
 * {@code TryRecvError} does: a value; {@code null} for empty (nothing now, but something can
 * still come); {@link dev.heddle.channel.ChannelClosedException} for disconnected (nothing
 * will ever come); and, on broadcast, {@code LaggedException} for values missed. The end is
 * an exception rather than a result object so the common path, a value, stays a plain return,
 * and so that no caller can take "empty" for "ended" or ask {@code isClosed()} afterwards and
 * get an answer from a later moment.
 *
 * <p>Every kind stands on the op layer in {@code runtime} and {@code runtime.internal}: each
 * blocking call is a {@link dev.heddle.runtime.SelectableOp}, committed only after its waiter
 * is claimed under the channel's own lock, so an aborted, timed-out or losing wait takes
 * nothing. A kind uses this package but no other kind, and never {@code sync} or
 * {@code select}; {@code select} reaches a channel only through the ops it hands out.
 */
package dev.heddle.channel;
