package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.List;
import java.util.stream.IntStream;

class LaggingSubscriberTest {
    static final int CAPACITY = 4;
    static final int SENT = 25;

    @SimTest(failOnLeakedTasks = true)
    void theSlowSubscriberLagsByExactlyTheOverwrittenValuesThenReadsTheNewest(Sim sim) {
        assertOutcome(LaggingSubscriber.run(CAPACITY, SENT));
        assertEquals(SENT * 1_000_000L, sim.now(), "the producer's sends are 1 ms apart, and nothing else waits");
    }

    @SimTest(seeds = 50, workers = 3, failOnLeakedTasks = true)
    void onThreeLogicalWorkers(Sim sim) {
        assertOutcome(LaggingSubscriber.run(CAPACITY, SENT));
    }

    static void assertOutcome(LaggingSubscriber.Outcome outcome) {
        assertEquals(new LaggingSubscriber.Reading(List.of(), range(0, SENT)), outcome.fast(),
                "the fast subscriber reads every value, in order, and never lags");
        assertEquals(new LaggingSubscriber.Reading(List.of((long) SENT - CAPACITY), range(SENT - CAPACITY, SENT)),
                outcome.slow(), "the slow subscriber misses all but the newest " + CAPACITY + " values, once");
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
