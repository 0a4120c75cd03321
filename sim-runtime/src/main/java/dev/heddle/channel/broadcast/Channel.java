package dev.heddle.channel.broadcast;

/** The two ends of a new broadcast channel, as {@link Broadcast#channel} creates them. */
public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}
