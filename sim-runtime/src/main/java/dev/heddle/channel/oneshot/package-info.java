/**
 * A channel for one value (Tokio's {@code oneshot}), typically a reply:
 * {@link dev.heddle.channel.oneshot.Oneshot#channel()} makes a
 * {@link dev.heddle.channel.oneshot.Channel} whose {@link dev.heddle.channel.oneshot.Sender}
 * sends once and whose {@link dev.heddle.channel.oneshot.Receiver} receives once.
 *
 * <p>A channel is one package-private object ({@code OneshotState}), and its ends are views of
 * it, since replies are made by the hundred thousand a second. Uses {@code channel},
 * {@code runtime} and {@code runtime.internal} only.
 */
package dev.heddle.channel.oneshot;
