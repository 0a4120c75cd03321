package dev.heddle.net.internal.sim;

import dev.heddle.net.Latency;
import java.time.Duration;

/**
 * The settings of one directed link, or of every link (the defaults). A link's own settings
 * leave unset (null) what it takes from the defaults, so that changing a default later still
 * reaches it. Values are checked by the caller ({@code dev.heddle.net.Link}); changed only
 * under the network's lock ({@link NetworkControl#configure}).
 */
public final class LinkSettings {
    Latency latency;
    Double loss;
    Double duplicate;
    Double reorder;
    Long bandwidth;

    /** The defaults of a run: 1 to 5 ms, nothing lost, duplicated or reordered, no bandwidth limit. */
    static LinkSettings defaults() {
        LinkSettings settings = new LinkSettings();
        settings.latency = Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5));
        settings.loss = 0.0;
        settings.duplicate = 0.0;
        settings.reorder = 0.0;
        settings.bandwidth = 0L;
        return settings;
    }

    public void latency(Latency latency) {
        this.latency = latency;
    }

    public void loss(double probability) {
        this.loss = probability;
    }

    public void duplicate(double probability) {
        this.duplicate = probability;
    }

    public void reorder(double probability) {
        this.reorder = probability;
    }

    public void bandwidth(long bytesPerSecond) {
        this.bandwidth = bytesPerSecond;
    }
}
