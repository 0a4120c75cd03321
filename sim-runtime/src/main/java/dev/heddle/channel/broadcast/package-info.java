/**
 * A channel whose every receiver sees every value (Tokio's {@code broadcast}): a ring of the
 * last {@code capacity} values, made by {@link dev.heddle.channel.broadcast.Broadcast}. A
 * receiver that falls more than that behind is told how many values it missed
 * ({@link dev.heddle.channel.broadcast.LaggedException}) and goes on from the oldest one held.
 *
 * <p>Uses {@code channel}, {@code runtime} and {@code runtime.internal} only.
 */
package dev.heddle.channel.broadcast;
