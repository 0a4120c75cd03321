package dev.heddle.sim;

import dev.heddle.runtime.*;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        for (long seed = 0; seed < 3; seed++) {
            SimulationResult r = Simulation.ofSeed(seed).run(sim -> {
                JoinHandle<Integer> a = sim.spawn(() -> { sim.sleep(Duration.ofSeconds(5)); return 1; });
                JoinHandle<Integer> b = sim.spawn(() -> { Heddle.yieldNow(); return 2; });
                System.out.println("sum " + (a.join() + b.join()) + " at " + sim.now());
            });
            System.out.println(r);
        }
        try {
            Simulation.ofSeed(7).run(sim -> { sim.spawn(() -> { Thread.sleep(10); return 1; }).join(); });
        } catch (SimulationFailure f) { System.out.println(f.getMessage()); }
        try {
            Simulation.ofSeed(7).run(sim -> { new CancellationToken().awaitCancellation(); });
        } catch (SimulationFailure f) { System.out.println(f.getMessage()); }
    }
}
