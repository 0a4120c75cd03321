package dev.heddle.channel.oneshot;

/** The two ends of a new oneshot channel, as {@link Oneshot#channel()} creates them. */
public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}
