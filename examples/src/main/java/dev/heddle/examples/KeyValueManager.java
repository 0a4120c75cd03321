package dev.heddle.examples;

import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Receiver;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Tokio tutorial, "Channels": one manager task owns the store and serves commands that
 * clients send over a bounded mpsc channel, each with a oneshot channel for its reply. The
 * store needs no lock: only the manager touches it, one command at a time, so the store is
 * linearizable however the clients interleave.
 *
 * <pre>{@code
 * try (KeyValueManager kv = KeyValueManager.start(32)) {
 *     KeyValueManager.Client c = kv.client();
 *     c.set("foo", "bar");
 *     String v = c.get("foo");     // "bar"
 * }
 * }</pre>
 */
public final class KeyValueManager implements AutoCloseable {
    private final Sender<Command> commands;
    private final JoinHandle<Void> manager;

    private KeyValueManager(Sender<Command> commands, JoinHandle<Void> manager) {
        this.commands = commands;
        this.manager = manager;
    }

    /** Starts the manager task, with room for {@code capacity} queued commands. */
    public static KeyValueManager start(int capacity) {
        var channel = Mpsc.<Command>bounded(capacity);
        Receiver<Command> inbox = channel.receiver();
        JoinHandle<Void> manager = Heddle.spawn("kv-manager", () -> serve(inbox));
        return new KeyValueManager(channel.sender(), manager);
    }

    /** A client with its own sender; close it when done. */
    public Client client() {
        return new Client(commands.clone());
    }

    /** Closes the manager's own sender and waits until every client has closed and the queue is served. */
    @Override
    public void close() {
        commands.close();
        manager.join();
    }

    private static void serve(Receiver<Command> inbox) {
        Map<String, String> store = new HashMap<>();
        Command command;
        while ((command = inbox.recv()) != null) {
            Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(3)));   // the store's own latency
            switch (command) {
                case Command.Get get -> get.reply().send(store.getOrDefault(get.key(), ""));
                case Command.Set set -> set.reply().send(String.valueOf(store.put(set.key(), set.value())));
            }
        }
    }

    /** What a client asks; the reply channel carries the answer back. */
    sealed interface Command {
        record Get(String key, dev.heddle.channel.oneshot.Sender<String> reply) implements Command {}

        record Set(String key, String value, dev.heddle.channel.oneshot.Sender<String> reply) implements Command {}
    }

    /** One client's handle on the store. */
    public static final class Client implements KeyValueStore, AutoCloseable {
        private final Sender<Command> commands;

        private Client(Sender<Command> commands) {
            this.commands = commands;
        }

        @Override
        public String get(String key) {
            var reply = Oneshot.<String>channel();
            commands.send(new Command.Get(key, reply.sender()));
            return reply.receiver().recv();
        }

        @Override
        public void set(String key, String value) {
            var reply = Oneshot.<String>channel();
            commands.send(new Command.Set(key, value, reply.sender()));
            reply.receiver().recv();
        }

        @Override
        public void close() {
            commands.close();
        }
    }
}
