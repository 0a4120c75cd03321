package dev.heddle.net;

import dev.heddle.net.internal.sim.NetworkControl;
import java.util.Objects;

/**
 * The settings of one directed link of the simulated network ({@link SimNet#link}), or of every
 * link not configured on its own ({@link SimNet#defaults()}). A link's own settings override the
 * defaults one by one: what it leaves unset follows the defaults, even when they change later.
 * Every setter checks its value, naming it when it is bad, declares the fault kind it
 * configures (so a run's result shows it even if it never fires), and returns this link.
 *
 * <pre>{@code
 * SimNet.current().link("a", "b").latency(Latency.fixed(Duration.ofMillis(20))).loss(0.1);
 * }</pre>
 */
public final class Link {
    private final NetworkControl control;
    private final String from;
    private final String to;

    Link(NetworkControl control, String from, String to) {
        this.control = control;
        this.from = from;
        this.to = to;
    }

    /** Each message draws its latency from {@code latency}; a tail configures {@code "net.delay.tail"}. */
    public Link latency(Latency latency) {
        Objects.requireNonNull(latency, "latency");
        control.configure(from, to, s -> s.latency(latency),
                latency.tailProbability() > 0 ? new String[] {"net.delay.tail"} : new String[0]);
        return this;
    }

    /**
     * Each datagram is lost with {@code probability} ({@code "net.drop"}); a connection's message
     * the loss hits is retransmitted instead, arriving later by a retransmission timeout of
     * 200 ms, doubling for each further loss ({@code "net.retransmit"}), and is never reordered;
     * after 15 lost retransmissions of one message the connection is reset.
     */
    public Link loss(double probability) {
        check("loss", probability);
        control.configure(from, to, s -> s.loss(probability), kinds(probability, "net.drop",
                "net.retransmit"));
        return this;
    }

    /** Each datagram is delivered twice with {@code probability} ({@code "net.duplicate"}); connections never. */
    public Link duplicate(double probability) {
        check("duplicate", probability);
        control.configure(from, to, s -> s.duplicate(probability),
                kinds(probability, "net.duplicate"));
        return this;
    }

    /**
     * Each datagram is held back with {@code probability} ({@code "net.reorder"}) by two more
     * latencies, so that later ones overtake it; connections stay ordered.
     */
    public Link reorder(double probability) {
        check("reorder", probability);
        control.configure(from, to, s -> s.reorder(probability), kinds(probability, "net.reorder"));
        return this;
    }

    /**
     * Limits the link to {@code bytesPerSecond} (0: unlimited): a message waits until the wire is
     * free, then takes {@code bytes / bytesPerSecond} on it before its latency, so a message
     * arrives at {@code max(now, wire free) + bytes / bandwidth + latency}.
     */
    public Link bandwidth(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth " + bytesPerSecond + " bytes per second is negative: give"
                    + " 0 (unlimited) or more");
        }
        control.configure(from, to, s -> s.bandwidth(bytesPerSecond));
        return this;
    }

    private static void check(String setting, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(setting + " probability " + probability
                    + " is not a probability: give a value in [0, 1]");
        }
    }

    private static String[] kinds(double probability, String... kinds) {
        return probability > 0 ? kinds : new String[0];
    }

    @Override
    public String toString() {
        return from == null ? "the simulated network's default link" : "simulated link " + from + " -> " + to;
    }
}
