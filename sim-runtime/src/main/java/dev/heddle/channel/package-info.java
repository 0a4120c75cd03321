/**
 * Channels between tasks, after Tokio's: one package per kind ({@code mpsc}, {@code oneshot},
 * {@code broadcast}, {@code watch}), and here what they share:
 * {@link dev.heddle.channel.SendException}, which hands a refused value back, and
 * {@link dev.heddle.channel.ChannelClosedException}.
 *
 * <p>Every kind stands on the op layer in {@code runtime} and {@code runtime.internal}: each
 * blocking call is a {@link dev.heddle.runtime.SelectableOp}, committed only after its waiter
 * is claimed under the channel's own lock, so an aborted, timed-out or losing wait takes
 * nothing. A kind uses this package but no other kind, and never {@code sync} or
 * {@code select}; {@code select} reaches a channel only through the ops it hands out.
 */
package dev.heddle.channel;
