/**
 * The latest value and its changes (Tokio's {@code watch}), made by
 * {@link dev.heddle.channel.watch.Watch}: each {@link dev.heddle.channel.watch.Sender} (there
 * may be several, cloned) replaces the value; each {@link dev.heddle.channel.watch.Receiver}
 * reads the latest one and waits for a newer version, skipping the values in between.
 *
 * <p>Uses {@code channel}, {@code runtime} and {@code runtime.internal} only.
 */
package dev.heddle.channel.watch;
