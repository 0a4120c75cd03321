package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.ArrayList;
import java.util.List;

class NotifyChannelTest {
    static final int PRODUCERS = 3;
    static final int PER_PRODUCER = 8;

    @SimTest(failOnLeakedTasks = true)
    void theConsumerReceivesEveryValueOnceInEachProducersOrder(Sim sim) {
        assertOutcome(NotifyChannel.run(PRODUCERS, PER_PRODUCER));
    }

    @SimTest(seeds = 50, workers = 4, failOnLeakedTasks = true)
    void onFourLogicalWorkers(Sim sim) {
        assertOutcome(NotifyChannel.run(PRODUCERS, PER_PRODUCER));
    }

    static void assertOutcome(List<String> received) {
        assertEquals(PRODUCERS * PER_PRODUCER, received.size(), "" + received);
        for (int p = 0; p < PRODUCERS; p++) {
            String producer = "p" + p + "-";
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < PER_PRODUCER; k++) {
                expected.add(producer + k);
            }
            assertEquals(expected, received.stream().filter(v -> v.startsWith(producer)).toList(),
                    "each of producer " + p + "'s values once, in the order it sent them");
        }
    }
}
