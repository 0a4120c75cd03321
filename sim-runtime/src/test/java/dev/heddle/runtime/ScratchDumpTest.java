package dev.heddle.runtime;

import dev.heddle.sim.Simulation;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
    static void c() { while (true) { Heddle.yieldNow(); } }
    @Test
    void scratch() {
        Simulation.ofSeed(0).run(sim -> {
            JoinHandle<Void> t = Heddle.spawn(ScratchDumpTest::c);
            for (int i = 0; i < 4; i++) {
                Heddle.yieldNow();
                System.out.println("DUMP " + i + " " + Heddle.dump());
            }
            t.abort();
            System.out.println("AFTER ABORT " + Heddle.dump());
            JoinHandle<Void> u = Heddle.spawn(() -> {});
            System.out.println("AFTER SPAWN " + Heddle.dump());
            try { t.join(); } catch (JoinException e) { System.out.println("joined " + e); }
        });
    }
}
