package dev.heddle.channel.mpsc;

/** The two ends of a new mpsc channel, as {@link Mpsc} creates them. */
public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {}
