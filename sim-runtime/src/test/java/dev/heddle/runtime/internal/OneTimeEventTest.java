package dev.heddle.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneTimeEventTest {

    @Test
    void waitersThatGiveUpInALoopDoNotPileUpOnALongLivedEvent() {
        OneTimeEvent shutdown = new OneTimeEvent();
        List<String> ran = new ArrayList<>();
        shutdown.whenFired(() -> ran.add("child"));
        for (int i = 0; i < 10_000; i++) {
            shutdown.whenFired(() -> ran.add("gave up")).disarm();
        }
        assertEquals(2, shutdown.listed(), "the armed callback and the last given-up one, not 10,001 nodes");
        shutdown.whenFired(() -> ran.add("last"));
        shutdown.fire();
        assertEquals(List.of("child", "last"), ran, "armed callbacks run in order; given-up ones never");
    }
}
