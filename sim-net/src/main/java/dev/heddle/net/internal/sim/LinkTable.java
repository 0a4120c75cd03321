package dev.heddle.net.internal.sim;

import dev.heddle.net.Latency;
import java.util.HashMap;
import java.util.Map;

/**
 * Every link's settings: the defaults, and the settings of the links configured on their own,
 * each of which falls back to the defaults for what it leaves unset.
 */
final class LinkTable {
    private final LinkSettings defaults = LinkSettings.defaults();
    /** Looked up, never iterated: no order leaks out of it. */
    private final Map<DirectedLink, LinkSettings> own = new HashMap<>();

    LinkSettings defaults() {
        return defaults;
    }

    /** The own settings of {@code link}, made empty (all from the defaults) on first use. */
    LinkSettings own(DirectedLink link) {
        return own.computeIfAbsent(link, l -> new LinkSettings());
    }

    Latency latency(DirectedLink link) {
        LinkSettings s = own.get(link);
        return s != null && s.latency != null ? s.latency : defaults.latency;
    }

    double loss(DirectedLink link) {
        LinkSettings s = own.get(link);
        return s != null && s.loss != null ? s.loss : defaults.loss;
    }

    double duplicate(DirectedLink link) {
        LinkSettings s = own.get(link);
        return s != null && s.duplicate != null ? s.duplicate : defaults.duplicate;
    }

    double reorder(DirectedLink link) {
        LinkSettings s = own.get(link);
        return s != null && s.reorder != null ? s.reorder : defaults.reorder;
    }

    long bandwidth(DirectedLink link) {
        LinkSettings s = own.get(link);
        return s != null && s.bandwidth != null ? s.bandwidth : defaults.bandwidth;
    }
}
