/**
 * A channel whose every receiver sees every value (Tokio's {@code broadcast}): a ring of the
 * last {@code capacity} values (rounded up to a power of two, as Tokio rounds it), made by
 * {@link dev.heddle.channel.broadcast.Broadcast}; senders can be weak
 * ({@link dev.heddle.channel.broadcast.WeakSender}), not keeping the channel open. A
 * receiver that falls more than that behind is told how many values it missed
 * ({@link dev.heddle.channel.broadcast.LaggedException}) and goes on from the oldest one held.
 *
 * <p>Uses {@code channel}, {@code runtime} and {@code runtime.internal} only.
 */
package dev.heddle.channel.broadcast;
