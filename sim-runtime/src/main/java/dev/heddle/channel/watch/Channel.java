package dev.heddle.channel.watch;

/** The two ends of a new watch channel, as {@link Watch#channel} creates them. */
public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}
