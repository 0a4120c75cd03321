package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's first test, kept honest: the simulator does find its lost reservation. */
class ReadmeExampleTest {

    static class Inventory {
        private int stock = 10;

        void reserve(int n) {
            int before = stock;
            Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(5)));
            stock = before - n;
        }
    }

    @Test
    void theReadmeTestFindsTheLostReservation() {
        SimulationFailure found = null;
        for (long seed = 0; seed < 200 && found == null; seed++) {
            try {
                Simulation.ofSeed(seed).run(sim -> {
                    Inventory inventory = new Inventory();
                    var a = sim.spawn(() -> inventory.reserve(3));
                    var b = sim.spawn(() -> inventory.reserve(4));
                    a.join();
                    b.join();
                    assertEquals(3, inventory.stock);
                });
            } catch (SimulationFailure f) {
                found = f;
            }
        }
        assertNotNull(found, "the README promises a failing seed within 200");
        assertTrue(found.getMessage().contains("expected: <3> but was: <"), found.getMessage());
    }
}
