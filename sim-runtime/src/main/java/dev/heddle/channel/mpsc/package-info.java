/**
 * A multi-producer, single-consumer channel (Tokio's {@code mpsc}), bounded or unbounded:
 * {@link dev.heddle.channel.mpsc.Mpsc} creates its two ends; a
 * {@link dev.heddle.channel.mpsc.Sender} is cloned per producer, the one
 * {@link dev.heddle.channel.mpsc.Receiver} is used by one task at a time, and a
 * {@link dev.heddle.channel.mpsc.Permit} is a slot reserved before the value exists.
 *
 * <p>The shared state ({@code ChannelState}) and the ops are package-private. Waiting senders
 * get freed slots in arrival order; the receiver of a bounded channel of up to 4,096 slots
 * takes values without the lock. Uses {@code channel}, {@code runtime} and
 * {@code runtime.internal} only.
 */
package dev.heddle.channel.mpsc;
