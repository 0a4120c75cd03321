package dev.heddle.net.internal.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What keeps messages waiting in flight without losing them: clogged hosts (every message to
 * or from one waits), clogged links, and held links ({@code SimNet.hold}, the same effect
 * counted apart, as a test's own deliberate hold rather than a fault).
 */
final class Clogs {
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<DirectedLink> links = new LinkedHashSet<>();
    private final Set<DirectedLink> held = new LinkedHashSet<>();

    /** True if a message on {@code link} must wait. */
    boolean blocks(DirectedLink link) {
        return hosts.contains(link.from()) || hosts.contains(link.to()) || links.contains(link) || held.contains(link);
    }

    boolean clogHost(String host) {
        return hosts.add(host);
    }

    boolean unclogHost(String host) {
        return hosts.remove(host);
    }

    boolean clogLink(DirectedLink link) {
        return links.add(link);
    }

    boolean unclogLink(DirectedLink link) {
        return links.remove(link);
    }

    boolean hold(DirectedLink link) {
        return held.add(link);
    }

    boolean release(DirectedLink link) {
        return held.remove(link);
    }

    /** The clogged hosts by name, then the clogged links as {@code "a -> b"}. */
    List<String> cloggedDescribed() {
        List<String> all = new ArrayList<>(hosts);
        links.forEach(link -> all.add(link.toString()));
        return all;
    }

    /** The held links, as {@code "a -> b"}. */
    List<String> heldDescribed() {
        return held.stream().map(DirectedLink::toString).toList();
    }

    /** Lifts every clog and hold; true if there was any. */
    boolean clear() {
        boolean any = !hosts.isEmpty() || !links.isEmpty() || !held.isEmpty();
        hosts.clear();
        links.clear();
        held.clear();
        return any;
    }
}
