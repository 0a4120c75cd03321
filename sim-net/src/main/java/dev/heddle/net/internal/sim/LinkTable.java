package dev.heddle.net.internal.sim;

import dev.heddle.net.Latency;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

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
        return setting(link, s -> s.latency);
    }

    double loss(DirectedLink link) {
        return setting(link, s -> s.loss);
    }

    double duplicate(DirectedLink link) {
        return setting(link, s -> s.duplicate);
    }

    double reorder(DirectedLink link) {
        return setting(link, s -> s.reorder);
    }

    long bandwidth(DirectedLink link) {
        return setting(link, s -> s.bandwidth);
    }

    /** The {@code field} of {@code link}'s own settings, or of the defaults where the link leaves it unset. */
    private <V> V setting(DirectedLink link, Function<LinkSettings, V> field) {
        LinkSettings s = own.get(link);
        V value = s == null ? null : field.apply(s);
        return value != null ? value : field.apply(defaults);
    }
}
