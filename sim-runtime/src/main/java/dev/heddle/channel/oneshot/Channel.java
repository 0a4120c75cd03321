package dev.heddle.channel.oneshot;

/**
 * The two ends of a new oneshot channel, as {@link Oneshot#channel()} creates it (the
 * {@code Channel} record of the other channel packages, as an interface: here the pair is the
 * shared state itself, one object per reply).
 */
public sealed interface Channel<T> permits OneshotState {

    /** The sending end; every call returns a handle on the same end. */
    Sender<T> sender();

    /** The receiving end; every call returns a handle on the same end. */
    Receiver<T> receiver();
}
