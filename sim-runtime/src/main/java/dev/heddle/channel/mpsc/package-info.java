/**
 * A multi-producer, single-consumer channel (Tokio's {@code mpsc}), bounded or unbounded:
 * {@link dev.heddle.channel.mpsc.Mpsc} creates its two ends; a
 * {@link dev.heddle.channel.mpsc.Sender} is cloned per producer, the one
 * {@link dev.heddle.channel.mpsc.Receiver} is used by one task at a time, a
 * {@link dev.heddle.channel.mpsc.Permit} is a slot reserved before the value exists
 * ({@link dev.heddle.channel.mpsc.Permits}: several at once), and a
 * {@link dev.heddle.channel.mpsc.WeakSender} is a handle that does not keep the channel open.
 * Tokio's API with Java names: {@code recv_many} is {@code recvMany}, {@code try_reserve_many}
 * {@code tryReserveMany}, {@code len} is {@code size}; a failed send is one
 * {@link dev.heddle.channel.SendException} whose reason is Tokio's error variant.
 *
 * <p>The shared state ({@code ChannelState}) and the ops are package-private. Waiting senders
 * get freed slots in arrival order; the receiver of a bounded channel of up to 4,096 slots
 * takes values without the lock. Uses {@code channel}, {@code runtime} and
 * {@code runtime.internal} only, and the runtime's clock ({@code dev.heddle.time}) for
 * {@code sendTimeout}.
 */
package dev.heddle.channel.mpsc;
