package dev.heddle.examples.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bugs planted in the store, each off unless switched on, so that a test can show the
 * simulator finds it. One switch for all of them, so that each place in the store where a bug
 * lives reads {@code if (bugs.on(Bug.X))} and a newcomer finds them all from here.
 *
 * <p>From the command line: {@code -Dheddle.raft.bugs=stale-read,early-commit} (the names of
 * {@link Bug}); a test passes {@link #of} instead.
 */
public final class PlantedBugs {
    /** The system property {@link #fromSystemProperties()} reads: bug names, comma-separated. */
    public static final String PROPERTY = "heddle.raft.bugs";

    /** The planted bugs, each with the name the system property uses. */
    public enum Bug {
        /** A leader answers a get from its own state, not through the log: a deposed leader serves old values. */
        STALE_READ("stale-read"),
        /** A leader counts an entry committed one acknowledgement short of a majority. */
        EARLY_COMMIT("early-commit"),
        /**
         * A new leader drops the entries after its own commit index, taking them for uncommitted:
         * an entry a majority holds, which the last leader committed, is lost.
         */
        LOST_UPDATE_ON_LEADER_CHANGE("lost-update"),
        /** The state machine applies every copy of a retried request, not only the first. */
        DOUBLE_APPLY("double-apply"),
        /** A vote is granted without being written to the durable store first. */
        UNPERSISTED_VOTE("unpersisted-vote");

        private final String propertyName;

        Bug(String propertyName) {
            this.propertyName = propertyName;
        }

        /** The name in {@value PlantedBugs#PROPERTY}. */
        public String propertyName() {
            return propertyName;
        }
    }

    private final Set<Bug> on;

    private PlantedBugs(Set<Bug> on) {
        this.on = on;
    }

    /** The correct store: no bug on. */
    public static PlantedBugs none() {
        return new PlantedBugs(EnumSet.noneOf(Bug.class));
    }

    /** These bugs on, the others off. */
    public static PlantedBugs of(Bug... bugs) {
        EnumSet<Bug> on = EnumSet.noneOf(Bug.class);
        on.addAll(Arrays.asList(bugs));
        return new PlantedBugs(on);
    }

    /**
     * The bugs named in the system property {@value #PROPERTY}; none when it is not set.
     *
     * @throws IllegalArgumentException naming an unknown bug and the known ones
     */
    public static PlantedBugs fromSystemProperties() {
        String names = System.getProperty(PROPERTY, "").trim();
        EnumSet<Bug> on = EnumSet.noneOf(Bug.class);
        if (names.isEmpty()) {
            return new PlantedBugs(on);
        }
        for (String name : names.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            Bug found = Arrays.stream(Bug.values()).filter(b -> b.propertyName.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + " names the bug \"" + name
                            + "\", which the store does not have; the bugs are "
                            + Arrays.stream(Bug.values()).map(Bug::propertyName).toList()));
            on.add(found);
        }
        return new PlantedBugs(on);
    }

    /** Whether {@code bug} is on. */
    public boolean on(Bug bug) {
        return on.contains(bug);
    }

    @Override
    public String toString() {
        if (on.isEmpty()) {
            return "no planted bug";
        }
        List<String> names = new ArrayList<>();
        for (Bug bug : on) {
            names.add(bug.propertyName);
        }
        return "planted bugs " + names;
    }
}
