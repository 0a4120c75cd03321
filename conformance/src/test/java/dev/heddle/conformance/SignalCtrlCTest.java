package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sim.Sim;
import java.time.Duration;

/**
 * {@code tokio/tests/signal_ctrl_c.rs}: {@link Heddle#ctrlC()}. Tokio's test sends its own
 * process SIGINT; a JVM signalled so begins to exit, so a real signal is tested on a child JVM
 * ({@code CtrlCTest} in sim-runtime). Here the simulated process receives it from a task.
 */
class SignalCtrlCTest {

    // Tokio: ctrl_c, tokio/tests/signal_ctrl_c.rs
    @CurrentThreadTest
    void ctrlC(Sim sim) {
        SelectableOp<Void> ctrlC = Heddle.ctrlCOp();
        Heddle.spawn(() -> sim.sendCtrlCAfter(Duration.ZERO));
        assertEquals(null, SelectableOp.await(ctrlC));
    }
}
