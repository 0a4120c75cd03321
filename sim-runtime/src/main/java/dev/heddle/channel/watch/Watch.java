package dev.heddle.channel.watch;

/**
 * Channels that hold only the latest value (Tokio's {@code watch}): configuration, status,
 * shutdown flags. Receivers see versions, not every value: a receiver that is slow to look
 * skips the versions in between.
 * <pre>{@code
 * Channel<Config> ch = Watch.channel(Config.DEFAULT);
 * Receiver<Config> rx = ch.sender().subscribe();
 * Heddle.spawn(() -> { while (true) apply(rx.changed()); });
 * ch.sender().send(reloaded);
 * }</pre>
 */
public final class Watch {
    private Watch() {}

    /**
     * A channel holding {@code initial} as version 0, with one receiver that has seen it, so its
     * first {@link Receiver#changed()} waits for the first new value. Creating it never waits;
     * senders never wait either, as each value replaces the last.
     *
     * <pre>{@code Channel<Config> ch = Watch.channel(Config.DEFAULT);}</pre>
     */
    public static <T> Channel<T> channel(T initial) {
        WatchState<T> state = new WatchState<>(initial);
        state.receivers = 1;
        return new Channel<>(new Sender<>(state), new Receiver<>(state, 0));
    }
}
