package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

class TokenTreeShutdownTest {
    static final int CONNECTIONS = 3;

    @SimTest(failOnLeakedTasks = true)
    void cancellingAListenerEndsExactlyItsConnectionsAndTheRootEndsTheRest(Sim sim) {
        assertOutcome(TokenTreeShutdown.run(CONNECTIONS));
        assertEquals(40_000_000L, sim.now(), "cancelled connections stop at once, in the middle of a request");
    }

    @SimTest(seeds = 50, workers = 3, failOnLeakedTasks = true)
    void onThreeLogicalWorkers(Sim sim) {
        assertOutcome(TokenTreeShutdown.run(CONNECTIONS));
    }

    static void assertOutcome(TokenTreeShutdown.Outcome outcome) {
        assertEquals(names("admin"), Set.copyOf(outcome.closedWithAdmin()),
                "the admin listener's token ends its own connections and no other");
        assertEquals(CONNECTIONS, outcome.closedWithAdmin().size(), "" + outcome.closedWithAdmin());
        assertFalse(outcome.parentOrSiblingCancelled(),
                "a child's cancellation reaches neither its parent nor its sibling");
        for (int served : outcome.publicServedAfterAdmin()) {
            assertTrue(served > 0, "the public connections go on serving: " + outcome.publicServedAfterAdmin());
        }
        Set<String> all = names("admin");
        all.addAll(names("public"));
        assertEquals(2 * CONNECTIONS, outcome.closedAtEnd().size(),
                "each connection closes once: " + outcome.closedAtEnd());
        assertEquals(all, Set.copyOf(outcome.closedAtEnd()), "the root's cancellation reaches every connection");
    }

    private static Set<String> names(String listener) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            names.add(listener + "-" + i);
        }
        return names;
    }
}
