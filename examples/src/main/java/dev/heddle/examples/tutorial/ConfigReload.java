package dev.heddle.examples.tutorial;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.watch.Channel;
import dev.heddle.channel.watch.Receiver;
import dev.heddle.channel.watch.Sender;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration hot reload with a watch channel (Tokio's {@code watch}): an admin task publishes
 * a new configuration now and then; each server task applies the newest one whenever it changes.
 * A watch holds only the latest value, so a server that is busy when two reloads come skips the
 * first: it never applies a stale configuration after a newer one.
 *
 * <p>Guarantees: every server starts on version 0, applies the last configuration published
 * before the admin closed the channel, and the versions it applies only go up.
 */
public final class ConfigReload {

    /** A configuration: its version, and a setting that changes with it. */
    public record Config(int version, Duration requestTimeout) {}

    private ConfigReload() {}

    /**
     * Starts {@code servers} servers on version 0, publishes versions {@code 1..reloads} a few
     * milliseconds apart, closes the channel and returns the versions each server applied.
     */
    public static List<List<Integer>> run(int servers, int reloads) {
        Channel<Config> config = Watch.channel(new Config(0, Duration.ofSeconds(1)));
        List<JoinHandle<List<Integer>>> running = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            Receiver<Config> updates = config.receiver().clone();
            Config initial = updates.borrowAndUpdate();   // what the server starts with, marked seen
            running.add(Heddle.spawn("server-" + i, () -> serve(initial, updates)));
        }
        try (Sender<Config> admin = config.sender()) {
            for (int version = 1; version <= reloads; version++) {
                Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(3)));
                admin.send(new Config(version, Duration.ofSeconds(version + 1)));
            }
        }
        List<List<Integer>> applied = new ArrayList<>();
        for (JoinHandle<List<Integer>> server : running) {
            applied.add(server.join());
        }
        return applied;
    }

    /** Applies each new configuration, doing some work between changes, until the admin closes the channel. */
    private static List<Integer> serve(Config initial, Receiver<Config> updates) {
        List<Integer> applied = new ArrayList<>();
        Config current = initial;
        while (true) {
            applied.add(current.version());
            Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(4)));   // requests served with this config
            try {
                current = updates.changed();
            } catch (ChannelClosedException closed) {
                return applied;   // the admin is gone and the newest version was applied
            }
        }
    }
}
